package dev.pigeonhole.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.feedback.FeedbackRecorder;
import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.feedback.RetrainRequests;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.VersionReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrain} of a tabular model: reference rows plus feedback rows, the quality gate, the drift report. */
class TabularRetrainCommandTest {

    private static final String IRIS = "../data/iris/iris.csv";

    @TempDir
    Path store;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetrainJob.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Map<String, Object> row(double a, double b, double c, double d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sepal_length", a);
        row.put("sepal_width", b);
        row.put("petal_length", c);
        row.put("petal_width", d);
        return row;
    }

    @Test
    void feedbackRowsAreLearntTheGateDecidesAndTheReportShowsDriftPerFeature() {
        LocalArtifactStore artifacts = new LocalArtifactStore(store);
        Run first = run("train", "--data", IRIS, "--label-field", "species", "--store", "file:" + store);
        assertEquals(0, first.exitCode(), first.err());
        String production = first.out().strip();

        FeedbackRecorder recorder = new FeedbackRecorder(artifacts, 10, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            // Large versicolor flowers: longer sepals than any in the reference data, a drift the report must show.
            Map<String, Object> features = row(7.5 + i * 0.05, 3.0, 4.6 + (i % 3) * 0.1, 1.4);
            recorder.record(new FeedbackSubmission(features.toString(), "virginica", "versicolor", "p-" + i, production,
                    features), "client-" + (i % 4));
        }
        assertEquals(1, new RetrainRequests(artifacts).pending().size());

        Run retrain = run("retrain", "--data", IRIS, "--label-field", "species", "--store", "file:" + store);

        assertEquals(0, retrain.exitCode(), retrain.err());
        String version = retrain.out().strip();
        assertNotEquals(production, version);
        VersionReader reader = new VersionReader(artifacts);
        Channels channels = new Channels(artifacts, reader);
        assertEquals(version, channels.read("staging").orElseThrow().version());
        LoadedVersion loaded = reader.load(version);
        Manifest manifest = loaded.manifest();
        assertEquals(production, manifest.parent());
        assertEquals(2, manifest.trainingData().size());
        assertEquals(10, manifest.trainingData().get(1).records());
        boolean promoted = manifest.metrics().get("promoted") == 1.0;
        assertEquals(promoted ? version : production, channels.read("production").orElseThrow().version());
        String html = new String(loaded.files().get("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("feature sepal_length"), html);
        assertTrue(html.contains("Kolmogorov-Smirnov D 0.960"), html);
        assertTrue(html.contains("Wasserstein"), html);
        String report = new String(loaded.files().get("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("feature petal_width"), report);
        assertTrue(manifest.metrics().get("monitoring_alerts") >= 1, manifest.metrics().toString());
        assertTrue(new RetrainRequests(artifacts).pending().isEmpty());
    }
}
