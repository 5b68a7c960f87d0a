package dev.pigeonhole.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.model.tabular.TabularModelCodec;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.VersionReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} on a data set without a text field: a tabular model, published and served from plain files. */
class TabularTrainCommandTest {

    @TempDir
    Path store;

    @TempDir
    Path files;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetrainJob.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void irisTrainsATabularModelWithItsFeaturesInTheManifest() {
        Run run = run("train", "--data", "../data/iris/iris.csv", "--label-field", "species", "--channel", "iris",
                "--store", "file:" + store);

        assertEquals(0, run.exitCode(), run.err());
        String version = run.out().strip();
        Manifest manifest = new VersionReader(new LocalArtifactStore(store)).manifest(version);
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                manifest.features().stream().map(f -> f.name()).toList());
        assertEquals(1.0, manifest.features().get(2).min());
        assertEquals(6.9, manifest.features().get(2).max());
        assertEquals("tabular", manifest.parameters().get("kind"));
        assertTrue(manifest.metrics().get("accuracy") >= 0.85, manifest.metrics().toString());
        assertTrue(manifest.metrics().containsKey("cv_accuracy_random-forest"), manifest.metrics().toString());
        TabularModel served = new TabularModelCodec().decode(
                new VersionReader(new LocalArtifactStore(store)).load(version).files());
        assertEquals("setosa", served.classify(new double[] {5.1, 3.5, 1.4, 0.2}).classification().bestLabel());
    }

    @Test
    void aBadCellStopsWithItsLineAndColumnAndPublishesNothing() throws IOException {
        Path data = Files.writeString(files.resolve("bad.csv"), "a,b,y\n1,2,p\n3,4,q\n5,,p\n7,8,q\n");

        Run run = run("train", "--data", data.toString(), "--label-field", "y", "--store", "file:" + store);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(data + " line 4, column 2 ('b'): empty cell; every feature needs a number"), run.err());
        assertFalse(Files.exists(store.resolve("models")));
        assertFalse(Files.exists(store.resolve("channels")));
    }

    @Test
    void kindTextReadsTheSameFileAsTextAndSaysWhatIsMissing() throws IOException {
        Path data = Files.writeString(files.resolve("n.csv"), "a,b,y\n1,2,p\n3,4,q\n5,6,p\n7,8,q\n");

        Run run = run("train", "--data", data.toString(), "--label-field", "y", "--kind", "text", "--store", "file:" + store);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no column 'text'"), run.err());
    }
}
