package dev.pigeonhole.model;

import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.ModelResolver;
import dev.pigeonhole.testing.FormatOneStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A store written by the first release (format 1, {@code fixtures/store-format-1}, trained from
 * {@code fixtures/tiny-topics.jsonl}) must still load and predict exactly as it did then.
 */
class SavedModelCompatibilityTest {

    @TempDir
    Path dir;

    private LoadedVersion load() {
        return new ModelResolver(new LocalArtifactStore(FormatOneStore.copyTo(dir))).resolve("production");
    }

    @Test
    void firstFormatStoreStillLoadsWithItsProvenance() {
        LoadedVersion version = load();
        assertEquals("v20261122-014850-002", version.manifest().version());
        assertEquals(1, version.manifest().formatVersion());
        assertEquals(List.of("Informatique", "Science", "Sport"), version.manifest().labels());
        assertEquals("tiny-topics.jsonl", version.manifest().trainingData().get(0).name());
    }

    @Test
    void firstFormatModelPredictsAsItDidWhenSaved() {
        TextModel model = new TextModelCodec().decode(load().files());
        assertEquals(List.of("Science", "Sport", "Informatique"), List.of(
                model.classify("a probe in orbit around the planet").bestLabel(),
                model.classify("the team played a great game").bestLabel(),
                model.classify("reboot the computer after installing the software").bestLabel()));
        assertArrayEquals(new double[] {5.383647663965774E-4, 0.9910716448349158, 0.008389990398687555},
                model.classify("the rocket reached orbit").probabilities(), 1e-12);
    }
}
