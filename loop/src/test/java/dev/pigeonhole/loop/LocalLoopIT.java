package dev.pigeonhole.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local loop with the real jars, as {@code ./pigeonhole serve} runs it: a first model is trained, the
 * feedback function takes k corrections and requests a retrain, the retrain job publishes a new version, and a
 * predict function started afterwards (a cold start) serves it, its manifest naming its parent and the feedback used.
 */
class LocalLoopIT {

    private static final int K = 5;
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration JOB = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> LABELS =
            List.of("Automobile", "Commerce", "Informatique", "Politique", "Religion", "Science", "Sport");

    @TempDir
    Path dir;

    @Test
    void kCorrectionsLeadToANewVersionThatARestartedPredictFunctionServes() throws Exception {
        Path sample = dir.resolve("sample.jsonl.gz");
        List<JsonNode> corrections = writeSampleAndPickCorrections(sample);
        String[] key = createApiKey("loop-user");
        Map<String, String> environment = Map.of(
                "PIGEONHOLE_STORE", "file:" + dir.resolve("store"),
                "PIGEONHOLE_CHANNEL", "production",
                "PIGEONHOLE_RETRAIN_EVERY", String.valueOf(K),
                "PIGEONHOLE_API_KEYS", key[1]);
        List<String> small = List.of("--data", sample.toString(), "--max-iterations", "50");

        String first = runJob(environment, "train", small);

        Map<String, Long> expectedFeedbackLabels = new TreeMap<>();
        int feedbackPort = freePort();
        try (JarProcess feedback = startFunction("feedback-function", environment, "FEEDBACK_PORT", feedbackPort)) {
            URI base = URI.create("http://127.0.0.1:" + feedbackPort);
            awaitHealthy(feedback, base, first);
            HttpResponse<String> anonymous = post(base.resolve("/feedback"), "{}", null);
            assertEquals(401, anonymous.statusCode(), anonymous.body());
            for (int i = 0; i < K; i++) {
                String trueLabel = corrections.get(i).get("category").asText();
                String predicted = LABELS.get((LABELS.indexOf(trueLabel) + 1) % LABELS.size());
                expectedFeedbackLabels.merge(trueLabel, 1L, Long::sum);
                Map<String, String> body = new LinkedHashMap<>();
                body.put("text", corrections.get(i).get("text").asText());
                body.put("predicted_label", predicted);
                body.put("true_label", trueLabel);
                body.put("prediction_id", "loop-" + i);
                body.put("model_version", first);

                HttpResponse<String> answer = post(base.resolve("/feedback"), JSON.writeValueAsString(body), key[0]);

                assertEquals(202, answer.statusCode(), answer.body());
                JsonNode accepted = JSON.readTree(answer.body());
                assertTrue(accepted.get("bad_prediction").asBoolean(), answer.body());
                assertEquals(i == K - 1, accepted.get("retrain_requested").asBoolean(), answer.body());
            }
        }

        // Production moves only when the candidate is not worse than the model there beyond the tolerance
        // (RetrainCommandTest pins that decision); on a 283-example sample a handful of corrections can tip it either
        // way, so this run accepts any loss and the restarted production function must serve the new version.
        List<String> promoting = new ArrayList<>(small);
        promoting.addAll(List.of("--tolerance", "1"));
        String second = runJob(environment, "retrain", promoting);
        assertNotEquals(first, second);
        assertEquals("", runJob(environment, "retrain", promoting), "a second run finds nothing pending");

        int predictPort = freePort();
        try (JarProcess predict = startFunction("predict-function", environment, "PREDICT_PORT", predictPort)) {
            URI base = URI.create("http://127.0.0.1:" + predictPort);
            awaitHealthy(predict, base, second);
            JsonNode manifest = JSON.readTree(get(base.resolve("/model")).body());

            assertEquals(second, manifest.get("version").asText());
            assertEquals(first, manifest.get("parent").asText());
            List<String> sources = new ArrayList<>();
            JsonNode feedbackData = null;
            for (JsonNode source : manifest.get("training_data")) {
                sources.add(source.get("name").asText());
                if (source.get("name").asText().contains("/feedback/")) {
                    feedbackData = source;
                }
            }
            assertEquals(2, sources.size(), sources.toString());
            assertTrue(sources.get(0).endsWith("sample.jsonl.gz"), sources.toString());
            if (feedbackData == null) {
                fail("no feedback source among " + sources);
            }
            assertEquals(K, feedbackData.get("records").asLong());
            Map<String, Long> feedbackLabels = new TreeMap<>();
            feedbackData.get("label_counts").fields()
                    .forEachRemaining(count -> feedbackLabels.put(count.getKey(), count.getValue().asLong()));
            feedbackLabels.values().removeIf(count -> count == 0);
            assertEquals(expectedFeedbackLabels, feedbackLabels);

            HttpResponse<String> prediction = post(base.resolve("/predict"),
                    "{\"text\": \"The Mets won the baseball game in extra innings last night\"}", null);
            assertEquals(200, prediction.statusCode(), prediction.body());
            assertEquals(second, JSON.readTree(prediction.body()).get("model_version").asText());
        }

        // What train, the feedback function, retrain and the predict function logged (the jars' own INFO level) holds
        // neither the API key nor any text that was corrected or classified.
        List<String> texts = new ArrayList<>(List.of("The Mets won the baseball game"));
        corrections.subList(0, K).forEach(correction -> texts.add(snippet(correction.get("text").asText())));
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(path -> path.getFileName().toString().startsWith("process-")).toList()) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertFalse(output.contains(key[0]), "the API key is in " + log);
                for (String text : texts) {
                    assertFalse(output.contains(text), "a text is in " + log + ": " + text);
                }
            }
        }
    }

    /**
     * Writes every 40th message of 20 Newsgroups (283, all 7 categories) to {@code sample} and returns the first
     * k messages from the 20th on, every 40th: texts the model never saw, as the users' corrections.
     */
    static List<JsonNode> writeSampleAndPickCorrections(Path sample) throws IOException {
        List<String> lines = new ArrayList<>();
        List<JsonNode> corrections = new ArrayList<>();
        Path reference = Path.of(System.getProperty("pigeonhole.reference-data", "../data/20news/train.jsonl.gz"));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(reference)), StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; (line = in.readLine()) != null; i++) {
                if (i % 40 == 0) {
                    lines.add(line);
                } else if (i % 40 == 20 && corrections.size() < K) {
                    corrections.add(JSON.readTree(line));
                }
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sample))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        return corrections;
    }

    /** Forty characters from the middle of {@code text}: enough to be unique, clear of mail headers. */
    private static String snippet(String text) {
        int from = Math.max(0, text.length() / 2 - 20);
        return text.substring(from, Math.min(text.length(), from + 40));
    }

    /** Runs the retrain job's {@code command} to its end and returns what it printed on standard output, stripped. */
    private String runJob(Map<String, String> environment, String command, List<String> options, String... more)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(options);
        arguments.addAll(List.of(more));
        try (JarProcess job = JarProcess.start(jar("retrain-job"), arguments, environment, dir)) {
            int code = job.awaitExit(JOB);
            assertEquals(0, code, job.name() + " failed:\n" + job.output());
            // Progress and log lines carry a time prefix; the published version is printed alone on its line.
            return job.output().lines().filter(line -> line.matches("v[0-9]{8}-[0-9]{6}-[0-9]{3}"))
                    .reduce((earlier, later) -> later).orElse("");
        }
    }

    private JarProcess startFunction(String module, Map<String, String> environment, String portVariable, int port) {
        Map<String, String> withPort = new LinkedHashMap<>(environment);
        withPort.put(portVariable, String.valueOf(port));
        return JarProcess.start(jar(module), List.of(), withPort, dir);
    }

    static Path jar(String module) {
        return Path.of(System.getProperty("pigeonhole.jar." + module,
                "../" + module + "/target/pigeonhole-" + module + "-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    }

    /** Polls {@code GET /health} until it answers 200 with {@code version}, failing after {@link #STARTUP}. */
    static void awaitHealthy(JarProcess function, URI base, String version) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String expected = "{\"status\":\"ok\",\"model_loaded\":true,\"model_version\":\"" + version + "\"}";
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            if (!function.alive()) {
                fail(function.name() + " exited before it was healthy:\n" + function.output());
            }
            try {
                HttpResponse<String> health = get(base.resolve("/health"));
                last = health.statusCode() + " " + health.body();
                if (health.statusCode() == 200) {
                    assertEquals(expected, health.body());
                    return;
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(100);
        }
        fail(function.name() + " not healthy after " + STARTUP.toSeconds() + " s, last: " + last + "\n"
                + function.output());
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return post(uri, json, null);
    }

    static HttpResponse<String> post(URI uri, String json, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ./pigeonhole keys create client}, as an operator runs it: the key and its PIGEONHOLE_API_KEYS entry. */
    static String[] createApiKey(String client) throws Exception {
        Path launcher = Path.of(System.getProperty("pigeonhole.launcher", "../pigeonhole")).toAbsolutePath();
        Process process = new ProcessBuilder("bash", launcher.toString(), "keys", "create", client)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        String key = null;
        String entry = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("key:")) {
                key = line.substring(4).strip();
            } else if (line.startsWith("entry:")) {
                entry = line.substring(6).strip();
            }
        }
        assertTrue(key != null && key.length() >= 40, out);
        assertTrue(entry != null && entry.matches(client + ":[0-9a-f]{64}"), out);
        return new String[] {key, entry};
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
