package dev.pigeonhole.serving;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelTrainer;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.ManifestDraft;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedModelTest {

    private static final List<String> LABELS = List.of("Sport", "Informatique");

    @TempDir
    Path dir;

    @Test
    void loadsTheVersionTheChannelServes() {
        String version = publish(new LocalArtifactStore(dir), "production");

        ServedModel served = ServedModel.load("file:" + dir, "production");

        assertTrue(served.loaded());
        assertEquals(Optional.of(version), served.version());
        assertEquals(LABELS, served.labels());
        assertEquals(version, served.manifest().version());
        assertEquals("Sport", served.model().classify("the team won the game").bestLabel());
        assertEquals(Optional.empty(), served.unavailableReason());
    }

    @Test
    void aManifestOnlyLoadServesTheLabelsWithoutReadingTheModelFiles() throws Exception {
        String version = publish(new LocalArtifactStore(dir), "production");
        // Damaged weights would refuse a full load: a manifest-only load never reads them.
        Files.write(dir.resolve("models").resolve(version).resolve(TextModelCodec.WEIGHTS_FILE), new byte[] {1, 2, 3});

        ServedModel served = ServedModel.loadManifest("file:" + dir, "production");

        assertTrue(served.loaded());
        assertEquals(Optional.of(version), served.version());
        assertEquals(LABELS, served.labels());
        assertThrows(IllegalStateException.class, served::model);
        assertFalse(ServedModel.load("file:" + dir, "production").loaded());
    }

    @Test
    void keepsTheVerifiedReportFilesOfTheServedVersionAndNothingElse() {
        Map<String, byte[]> reports = Map.of(
                "metrics.json", "{\"accuracy\":1.0}".getBytes(UTF_8),
                "confusion-matrix.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(UTF_8),
                "report.md", "# Report".getBytes(UTF_8));
        publish(new LocalArtifactStore(dir), "production", reports);

        ServedModel served = ServedModel.load("file:" + dir, "production");

        reports.forEach((name, data) -> assertArrayEquals(data, served.report(name).orElseThrow(), name));
        assertEquals(Optional.empty(), served.report(TextModelCodec.WEIGHTS_FILE));
        assertEquals(Optional.empty(), served.report("manifest.json"));
        assertEquals(Optional.empty(), served.report("../metrics.json"));
    }

    @Test
    void aVersionWithoutReportFilesServesNone() {
        publish(new LocalArtifactStore(dir), "production");

        ServedModel served = ServedModel.load("file:" + dir, "production");

        ServedModel.REPORT_FILES.forEach(name -> assertEquals(Optional.empty(), served.report(name), name));
    }

    @Test
    void reportFilesCannotBeChangedThroughWhatWasReturned() {
        publish(new LocalArtifactStore(dir), "production", Map.of("report.md", "# Report".getBytes(UTF_8)));
        ServedModel served = ServedModel.load("file:" + dir, "production");

        served.report("report.md").orElseThrow()[0] = 'X';

        assertArrayEquals("# Report".getBytes(UTF_8), served.report("report.md").orElseThrow());
    }

    @Test
    void anEmptyStoreLeavesNoModelAndTellsToTrain() {
        ServedModel served = ServedModel.load("file:" + dir, "production");

        assertFalse(served.loaded());
        assertEquals(Optional.empty(), served.version());
        assertEquals(List.of(), served.labels());
        String reason = served.unavailableReason().orElseThrow();
        assertTrue(reason.contains("channel 'production'") && reason.contains("./pigeonhole train"), reason);
        ModelUnavailableException thrown = assertThrows(ModelUnavailableException.class, served::model);
        assertEquals(reason, thrown.getMessage());
        assertThrows(ModelUnavailableException.class, served::manifest);
        assertThrows(ModelUnavailableException.class, () -> served.report("metrics.json"));
    }

    @Test
    void aChannelOtherThanTheOnePublishedIsNotServed() {
        publish(new LocalArtifactStore(dir), "production");

        ServedModel served = ServedModel.load("file:" + dir, "staging");

        assertFalse(served.loaded());
        assertTrue(served.unavailableReason().orElseThrow().contains("channel 'staging'"));
    }

    @Test
    void aDamagedModelFileLeavesNoModelInsteadOfThrowing() throws Exception {
        String version = publish(new LocalArtifactStore(dir), "production");
        try (var files = Files.walk(dir)) {
            Path weights = files.filter(p -> p.endsWith(TextModelCodec.WEIGHTS_FILE)).findFirst().orElseThrow();
            Files.write(weights, new byte[] {1, 2, 3});
        }

        ServedModel served = ServedModel.load("file:" + dir, "production");

        assertFalse(served.loaded());
        assertEquals("the model version channel 'production' serves could not be loaded and verified; publish a new "
                + "version with ./pigeonhole train", served.unavailableReason().orElseThrow());
    }

    @Test
    void aReasonNamesNoStoreInternals() throws Exception {
        assertEquals("no model published on channel 'production'; run ./pigeonhole train",
                ServedModel.load("file:" + dir, "production").unavailableReason().orElseThrow());
        Files.createDirectories(dir.resolve("channels"));
        Files.writeString(dir.resolve("channels/production.json"), "{not json");

        String reason = ServedModel.load("file:" + dir, "production").unavailableReason().orElseThrow();

        assertFalse(reason.contains(dir.toString()), reason);
        assertFalse(reason.contains("channels/"), reason);
    }

    @Test
    void anUnreachableStoreLeavesNoModelAndSaysOnlyThat() {
        ServedModel served = ServedModel.load("ftp://secret-host/models", "production");

        assertFalse(served.loaded());
        assertEquals(ServedModel.STORE_UNREACHABLE, served.unavailableReason().orElseThrow());
    }

    private static String publish(ArtifactStore store, String channel) {
        return publish(store, channel, Map.of());
    }

    private static String publish(ArtifactStore store, String channel, Map<String, byte[]> extraFiles) {
        TextModel model = new TextModelTrainer(new TrainingParameters(1, 1, 1, 0.1, 1e-6, 300)).train(
                List.of("the team won the game", "the coach praised the players",
                        "the compiler found a syntax error", "install the driver on the computer"),
                new int[] {0, 0, 1, 1}, LABELS);
        ManifestDraft draft = new ManifestDraft(null, "logistic-regression", Map.of(), Map.of(), LABELS, List.of(),
                Map.of());
        Map<String, byte[]> files = new HashMap<>(new TextModelCodec().encode(model));
        files.putAll(extraFiles);
        String version = new VersionPublisher(store).publish(draft, files).version();
        new Channels(store, new VersionReader(store)).move(channel, version, "test");
        return version;
    }
}
