package dev.pigeonhole.feedback.function;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.telemetry.TrackEndpoint;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback function as {@code ./pigeonhole serve feedback} starts it with a connection string: the real jar with
 * the real Application Insights agent and the agent configuration the product ships, sending to a local collector.
 * A burst of wrong-label feedbacks from many clients at once must reach the collector as one "Bad prediction" trace
 * each, none sampled away: the alert counts them.
 *
 * <p>The test adds to the shipped configuration only what keeps the agent on loopback: no live metrics and no
 * statsbeat, which would call Azure hosts and the instance metadata service. It hands the result to the agent with
 * APPLICATIONINSIGHTS_CONFIGURATION_FILE, which takes precedence over the file the launcher names; that the launcher
 * names the shipped file is checked on the started JVM's command line.
 */
class BadPredictionTracesIT {

    private static final int CLIENTS = 16;
    private static final int FEEDBACKS = 200;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final Path LAUNCHER = Path.of(System.getProperty("pigeonhole.launcher", "../pigeonhole"));
    private static final Path SHIPPED_CONFIGURATION =
            Path.of("src", "main", "applicationinsights", "applicationinsights.json");
    private static final Map<String, Object> LOOPBACK_ONLY = Map.of(
            "preview", Map.of("liveMetrics", Map.of("enabled", false), "statsbeat", Map.of("disabled", true)),
            "internal", Map.of("statsbeat", Map.of("disabledAll", true)));
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void everyBadPredictionOfABurstFromManyClientsIsSentUnsampled() throws Exception {
        String version = ModelFixture.publish(work.resolve("store"));
        List<String> keys = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String key = "burst-key-" + client + "-" + "k".repeat(32);
            keys.add(key);
            entries.add("burst-" + client + ":" + ApiKeys.sha256Hex(key));
        }
        int port = freePort();

        try (TrackEndpoint collector = new TrackEndpoint()) {
            Process function = startFeedbackFunction(collector.connectionString(), String.join(",", entries), port);
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitHealthy(function, base, version);
                assertTheLauncherNamesTheShippedConfiguration(function);
                Set<String> feedbackIds = sendBurst(base, keys);
                List<Map<String, Object>> traces = new ArrayList<>(
                        collector.await(BadPredictionTracesIT::isBadPrediction, FEEDBACKS, DELIVERY));
                assertEquals(FEEDBACKS, traces.size(), "Bad prediction traces at the collector within " + DELIVERY
                        + " (sample rates: " + sampleRates(traces) + "; collector problems: " + collector.problems()
                        + ")\n" + output());
                assertOnePerFeedbackUnsampled(traces, feedbackIds);
            } finally {
                stop(function);
            }
            // The agent sends what is left at shutdown: a trace sent twice would show up now.
            List<Map<String, Object>> late = collector.drain(BadPredictionTracesIT::isBadPrediction);
            assertEquals(List.of(), late, "traces beyond one per bad prediction");
        }
    }

    /** Every trace unsampled (item count 1), and one per feedback the function accepted. */
    private static void assertOnePerFeedbackUnsampled(List<Map<String, Object>> traces, Set<String> feedbackIds) {
        Map<String, Integer> sampleRates = sampleRates(traces);
        assertTrue(sampleRates.keySet().stream().allMatch(rate -> rate.equals("absent") || rate.equals("100.0")),
                "sample rates of the traces: " + sampleRates);
        Set<String> traced = new TreeSet<>();
        for (Map<String, Object> trace : traces) {
            traced.add(String.valueOf(properties(trace).get("feedback_id")));
        }
        assertEquals(feedbackIds, traced, "the feedback ids the traces carry");
    }

    /** The launcher execs the JVM, so the process started is the function's JVM, with the launcher's options. */
    private void assertTheLauncherNamesTheShippedConfiguration(Process function) throws IOException {
        List<String> arguments = function.info().arguments().map(List::of).orElseThrow(
                () -> new AssertionError("the JVM's command line is not readable here"));
        String option = "-Dapplicationinsights.configuration.file=";
        String named = arguments.stream().filter(argument -> argument.startsWith(option)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + option + " among " + arguments))
                .substring(option.length());
        assertTrue(Files.isSameFile(SHIPPED_CONFIGURATION, Path.of(named)), named);
        assertTrue(arguments.stream().anyMatch(argument -> argument.startsWith("-javaagent:")
                && argument.endsWith("applicationinsights-agent.jar")), arguments.toString());
    }

    private Process startFeedbackFunction(String connectionString, String apiKeys, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toAbsolutePath().toString(), "serve", "feedback")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("function.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("APPLICATIONINSIGHTS_") || name.startsWith("PIGEONHOLE_"));
        environment.put("APPLICATIONINSIGHTS_CONNECTION_STRING", connectionString);
        environment.put("APPLICATIONINSIGHTS_CONFIGURATION_FILE", loopbackConfiguration().toString());
        environment.put("PIGEONHOLE_STORE", "file:" + work.resolve("store"));
        environment.put("PIGEONHOLE_CHANNEL", "production");
        environment.put("PIGEONHOLE_API_KEYS", apiKeys);
        environment.put("FEEDBACK_PORT", String.valueOf(port));
        // The agent keeps its own files under the temp dir: keep them in the test's.
        environment.put("PIGEONHOLE_JAVA_OPTS", "-Djava.io.tmpdir=" + work);
        return builder.start();
    }

    /** The shipped agent configuration with {@link #LOOPBACK_ONLY} added, in a file of the test's. */
    @SuppressWarnings("unchecked")
    private Path loopbackConfiguration() throws IOException {
        Map<String, Object> configuration = JSON.readValue(Files.readString(SHIPPED_CONFIGURATION, UTF_8), Map.class);
        Path file = work.resolve("applicationinsights.json");
        Files.writeString(file, JSON.writeValueAsString(merged(configuration, LOOPBACK_ONLY)), UTF_8);
        return file;
    }

    /** {@code base} with {@code added} merged in, objects key by key; a value of {@code added} wins over a non-object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> added) {
        Map<String, Object> result = new TreeMap<>(base);
        added.forEach((key, value) -> result.merge(key, value, (old, extra) -> old instanceof Map<?, ?> oldMap
                && extra instanceof Map<?, ?> extraMap
                ? merged((Map<String, Object>) oldMap, (Map<String, Object>) extraMap) : extra));
        return result;
    }

    /** {@value #FEEDBACKS} wrong-label feedbacks from {@value #CLIENTS} clients, each on its own thread, released at once. */
    private static Set<String> sendBurst(URI base, List<String> keys) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> sent = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                String key = keys.get(client);
                sent.add(clients.submit(() -> {
                    start.await();
                    List<String> ids = new ArrayList<>();
                    for (int i = first; i < FEEDBACKS; i += CLIENTS) {
                        ids.add(sendWrongLabel(base, key, i));
                    }
                    return ids;
                }));
            }
            start.countDown();
            Set<String> feedbackIds = Collections.synchronizedSet(new TreeSet<>());
            for (Future<List<String>> ids : sent) {
                feedbackIds.addAll(ids.get(2, TimeUnit.MINUTES));
            }
            assertEquals(FEEDBACKS, feedbackIds.size(), "distinct feedback ids answered");
            return feedbackIds;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Feedback number {@code i}: a Science text the model said was Sport; returns the feedback id of the 202. */
    private static String sendWrongLabel(URI base, String key, int i) throws Exception {
        String body = "{\"text\":\"the space probe reached orbit, message " + i + "\",\"predicted_label\":\"Sport\","
                + "\"true_label\":\"Science\",\"prediction_id\":\"burst-" + i + "\"}";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("/feedback"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> accepted = JSON.readValue(answer.body(), Map.class);
        assertEquals(Boolean.TRUE, accepted.get("bad_prediction"), answer.body());
        return (String) accepted.get("feedback_id");
    }

    private void awaitHealthy(Process function, URI base, String version) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            if (!function.isAlive()) {
                fail("the feedback function exited before it was healthy:\n" + output());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = health.statusCode() + " " + health.body();
                if (health.statusCode() == 200 && health.body().contains(version)) {
                    return;
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(200);
        }
        fail("the feedback function is not healthy after " + STARTUP.toSeconds() + " s, last: " + last + "\n" + output());
    }

    private void stop(Process function) throws InterruptedException {
        function.destroy();
        if (!function.waitFor(30, TimeUnit.SECONDS)) {
            function.destroyForcibly().waitFor();
        }
    }

    private String output() {
        try {
            return Files.readString(work.resolve("function.log"), UTF_8);
        } catch (IOException e) {
            return "(cannot read the function's output: " + e + ")";
        }
    }

    /** How many traces carry each sample rate ("absent": none, so an item count of 1). */
    private static Map<String, Integer> sampleRates(List<Map<String, Object>> traces) {
        Map<String, Integer> rates = new TreeMap<>();
        for (Map<String, Object> trace : traces) {
            Object rate = trace.get("sampleRate");
            rates.merge(rate == null ? "absent" : String.valueOf(((Number) rate).doubleValue()), 1, Integer::sum);
        }
        return rates;
    }

    private static boolean isBadPrediction(Map<String, Object> envelope) {
        return envelope.get("data") instanceof Map<?, ?> data
                && data.get("baseData") instanceof Map<?, ?> baseData
                && "Bad prediction".equals(baseData.get("message"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> envelope) {
        Map<String, Object> data = (Map<String, Object>) envelope.get("data");
        Map<String, Object> baseData = (Map<String, Object>) data.get("baseData");
        return (Map<String, Object>) baseData.get("properties");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
