package dev.pigeonhole.retrain;

import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.ModelResolver;
import dev.pigeonhole.store.VersionReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    private static final Path REFERENCE = Path.of("..", "data", "20news", "train.jsonl.gz");

    @TempDir
    static Path shared;

    static Path sample;

    @TempDir
    Path store;

    /** Every 40th message of the 20 Newsgroups training split (sorted by group): about 280, all 7 categories. */
    @BeforeAll
    static void writeSample() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(REFERENCE)), StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; (line = in.readLine()) != null; i++) {
                if (i % 40 == 0) {
                    lines.add(line);
                }
            }
        }
        sample = shared.resolve("sample.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sample))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetrainJob.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path file = store.getParent().resolve(store.getFileName() + "-" + name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void theLogisticRegressionStillTrainsTheFirstFormat() {
        Run run = run("train", "--data", sample.toString(), "--store", "file:" + store, "--model", "lr",
                "--lambda", "0.01", "--max-iterations", "50");

        assertEquals(0, run.exitCode(), run.err());
        LoadedVersion loaded = new ModelResolver(new LocalArtifactStore(store)).resolve("production");
        assertEquals("logistic-regression", loaded.manifest().algorithm());
        assertEquals("3.1.1", loaded.manifest().libraryVersions().get("smile"));
        assertTrue(loaded.manifest().file("vocabulary.tsv.gz").isPresent());
        assertTrue(new String(loaded.files().get("model.json")).contains("pigeonhole-linear-text/1"));
    }

    @Test
    void trainPublishesAVerifiedVersionAndMovesTheChannel() {
        Run run = run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "100");

        assertEquals(0, run.exitCode(), run.err());
        String version = run.out().strip();
        assertEquals(List.of(version), new VersionReader(new LocalArtifactStore(store)).versions());
        LoadedVersion loaded = new ModelResolver(new LocalArtifactStore(store)).resolve("production");
        Manifest manifest = loaded.manifest();
        assertEquals(version, manifest.version());
        assertEquals(List.of("Automobile", "Commerce", "Informatique", "Politique", "Religion", "Science", "Sport"),
                manifest.labels());
        assertEquals(List.of("confusion-matrix.svg", "features.bin", "metrics.json", "model.json", "report.md",
                "weights.bin"), manifest.files().stream().map(f -> f.name()).sorted().toList());
        assertEquals(283, manifest.trainingData().get(0).records());
        assertTrue(manifest.metrics().get("accuracy") > 0.5, manifest.metrics().toString());
        assertEquals("linear-svm", manifest.algorithm());
        assertEquals("2.44", manifest.libraryVersions().get("liblinear"));
        assertTrue(manifest.metrics().containsKey("validation_accuracy_c_1.0_chars_0.6"), manifest.metrics().toString());

        TextModel model = new TextModelCodec().decode(loaded.files());
        assertEquals("Sport", model.classify("The goalie stopped every shot and the team won the hockey game").bestLabel());
        assertTrue(run.err().contains("held-out"), run.err());
    }

    @Test
    void secondVersionRecordsItsParent() {
        String first = run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "20").out().strip();
        Run second = run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "20",
                "--channel", "production");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(first, new VersionReader(new LocalArtifactStore(store)).manifest(second.out().strip()).parent());
    }

    @Test
    void aVersionTrainedOntoAnExistingChannelRecordsItsReferenceAccuracy() {
        run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "20");
        Run second = run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "20");

        Manifest manifest = new VersionReader(new LocalArtifactStore(store)).manifest(second.out().strip());
        assertTrue(manifest.parent() != null);
        // The retrain job's reference gate reads this figure; without it the gate would be skipped.
        assertEquals(manifest.metrics().get("accuracy"), manifest.metrics().get("reference_accuracy"));
    }

    @Test
    void ifChannelEmptyTrainsOnlyTheFirstTime() {
        Run first = run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "20",
                "--if-channel-empty");
        Run second = run("train", "--data", sample.toString(), "--store", "file:" + store, "--max-iterations", "20",
                "--if-channel-empty");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(first.out(), second.out());
        assertEquals(1, new VersionReader(new LocalArtifactStore(store)).versions().size());
        assertTrue(second.err().contains("nothing to train"), second.err());
    }

    @Test
    void missingFileFailsWithoutWritingAnything() throws IOException {
        Run run = run("train", "--data", store.resolve("absent.jsonl").toString(), "--store", "file:" + store);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("error: data file not found: "), run.err());
        assertEmptyStore();
    }

    @Test
    void unknownFieldNameIsExplained() throws IOException {
        Run run = run("train", "--data", sample.toString(), "--label-field", "topic", "--store", "file:" + store);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("line 1: no field 'topic'; fields are [category, id, newsgroup, text]"), run.err());
        assertEmptyStore();
    }

    @Test
    void malformedLineIsReportedByNumber() throws IOException {
        Path data = write("bad.jsonl", "{\"text\":\"a b\",\"category\":\"x\"}\n{\"text\":\"c d\",\"category\":\"x\"}\n"
                + "{\"text\":\"e f\",\"category\":\"y\"}\n{not json}\n");
        Run run = run("train", "--data", data.toString(), "--store", "file:" + store);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(data + " line 4: malformed JSON"), run.err());
        assertEmptyStore();
    }

    @Test
    void labelWithASingleExampleIsRefused() throws IOException {
        Path data = write("rare.jsonl", "{\"text\":\"a b\",\"category\":\"x\"}\n{\"text\":\"c d\",\"category\":\"x\"}\n"
                + "{\"text\":\"e f\",\"category\":\"y\"}\n");
        Run run = run("train", "--data", data.toString(), "--store", "file:" + store);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("label 'y' has 1 example; every label needs at least 2"), run.err());
        assertEmptyStore();
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path data = write("empty.csv", "");
        Run run = run("train", "--data", data.toString(), "--store", "file:" + store);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("data file is empty"), run.err());
        assertEmptyStore();
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("train", "--colour", "blue");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown options: '--colour', 'blue'"), run.err());
    }

    private void assertEmptyStore() throws IOException {
        try (var files = Files.walk(store)) {
            assertFalse(files.anyMatch(Files::isRegularFile), "nothing may be written to the store");
        }
    }
}
