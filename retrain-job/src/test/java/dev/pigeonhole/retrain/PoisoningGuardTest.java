package dev.pigeonhole.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.feedback.FeedbackRecorder;
import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.VersionReader;
import io.micronaut.serde.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client floods wrong labels (Sport texts labelled Religion): the client-share cap leaves most of the flood out,
 * and the reference-data gate refuses the candidate that learnt the rest, so production keeps its model.
 */
class PoisoningGuardTest {

    private static final Path REFERENCE = Path.of("..", "data", "20news", "train.jsonl.gz");
    private static final int FLOOD = 150;

    @TempDir
    static Path shared;

    static Path sample;
    static final List<String[]> corrections = new ArrayList<>();
    static final List<String> sportTexts = new ArrayList<>();

    @TempDir
    Path root;

    /** Every 40th message as reference data (283, 7 labels), every 40th from the 20th as honest corrections. */
    @BeforeAll
    static void writeSample() throws IOException {
        List<String> lines = new ArrayList<>();
        ObjectMapper json = ObjectMapper.getDefault();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(REFERENCE)), StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; (line = in.readLine()) != null; i++) {
                if (i % 40 == 0) {
                    lines.add(line);
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = json.readValue(line, Map.class);
                String text = (String) fields.get("text");
                String category = (String) fields.get("category");
                if (i % 40 == 20) {
                    corrections.add(new String[] {text, category});
                } else if ("Sport".equals(category) && sportTexts.size() < FLOOD) {
                    sportTexts.add(text);
                }
            }
        }
        sample = shared.resolve("sample.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sample))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
    }

    // A floor above the water level lets 60 records of the flood through, so that the reference gate is what stops it.
    private String retrain() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetrainJob.run(new PrintWriter(out, true), new PrintWriter(err, true), "retrain", "--data",
                sample.toString(), "--store", "file:" + root, "--max-iterations", "50", "--lambda", "0.01",
                "--tolerance", "0.01", "--min-client-records", "60");
        assertEquals(0, code, err.toString());
        return out.toString().strip();
    }

    private String channel(String name) {
        LocalArtifactStore store = new LocalArtifactStore(root);
        return new Channels(store, new VersionReader(store)).read(name).map(p -> p.version()).orElse(null);
    }

    @Test
    void aFloodOfWrongLabelsFromOneClientDoesNotMoveProduction() {
        FeedbackRecorder recorder = new FeedbackRecorder(new LocalArtifactStore(root), 40, Clock.systemUTC());
        for (int i = 0; i < 40; i++) {
            String[] correction = corrections.get(i);
            recorder.record(new FeedbackSubmission(correction[0], "Commerce", correction[1], "honest-" + i, null),
                    i % 2 == 0 ? "alice" : "bob");
        }
        String before = retrain();
        assertEquals(before, channel("production"));

        for (int i = 0; i < FLOOD; i++) {
            recorder.record(new FeedbackSubmission(sportTexts.get(i), "Sport", "Religion", "flood-" + i, null), "mallory");
        }
        String flooded = retrain();

        assertEquals(before, channel("production"), "production keeps the model from before the flood");
        assertEquals(flooded, channel("staging"));
        Manifest manifest = new VersionReader(new LocalArtifactStore(root)).manifest(flooded);
        Map<String, Double> metrics = manifest.metrics();
        // Three clients cannot each stay within 25 % of what is kept, so the floor decides: 60 records each.
        assertEquals(FLOOD - 60, metrics.get("feedback_left_out_by_client_cap"), metrics.toString());
        assertEquals(0.0, metrics.get("promoted"));
        assertTrue(metrics.get("reference_accuracy") < metrics.get("current_reference_accuracy") - 0.01, metrics.toString());
        String report = new String(new LocalArtifactStore(root).get("models/" + flooded + "/report.md").orElseThrow()
                .data(), StandardCharsets.UTF_8);
        assertTrue(report.contains("| client share cap | 90 feedback records left out, by client: {mallory=90} |"), report);
        assertTrue(report.contains("on the reference evaluation data"), report);
    }
}
