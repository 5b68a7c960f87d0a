package dev.pigeonhole.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ApplicationInsightsSink in a child JVM with the real Application Insights agent attached, pointed
 * at a local collector, and checks what arrives on the wire.
 */
class ApplicationInsightsAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Keeps the agent to what the test needs: no auto-instrumented logs or metrics in the way, and nothing
     * sent anywhere but the ingestion endpoint (statsbeat and live metrics would call Azure hosts).
     */
    static final String AGENT_CONFIGURATION = """
            {
              "role": {"name": "pigeonhole-telemetry-test"},
              "instrumentation": {
                "logging": {"level": "OFF"},
                "micrometer": {"enabled": false}
              },
              "heartbeat": {"intervalSeconds": 3600},
              "metricIntervalSeconds": 3600,
              "selfDiagnostics": {"destination": "console", "level": "WARN"},
              "preview": {
                "liveMetrics": {"enabled": false},
                "statsbeat": {"disabled": true}
              },
              "internal": {"statsbeat": {"disabledAll": true}}
            }
            """;

    @TempDir
    Path temp;

    @Test
    void agentSendsBadPredictionAsWarningTraceWithEveryDimension() throws Exception {
        try (TrackEndpoint endpoint = new TrackEndpoint()) {
            Process child = startEmitter(endpoint.connectionString(), "one");
            try {
                Map<String, Object> envelope = endpoint.await(ApplicationInsightsAgentTest::isBadPrediction, WAIT)
                        .orElseGet(() -> fail("no \"Bad prediction\" trace reached the collector within " + WAIT
                                + "; collector problems " + endpoint.problems() + "; child output:\n" + output()));

                assertTrue(((String) envelope.get("name")).endsWith("Message"), "envelope name " + envelope.get("name"));
                Map<String, Object> data = map(envelope, "data");
                assertEquals("MessageData", data.get("baseType"));
                Map<String, Object> baseData = map(data, "baseData");
                assertEquals("Bad prediction", baseData.get("message"));
                assertEquals("Warning", baseData.get("severityLevel"));
                Map<String, Object> properties = map(baseData, "properties");
                BadPrediction sample = BadPredictionEmitter.SAMPLE;
                assertEquals(sample.text().substring(0, 1_000), properties.get("text"));
                assertEquals(1_000, ((String) properties.get("text")).length());
                assertEquals("comp.graphics", properties.get("predicted_label"));
                assertEquals("sci.space", properties.get("true_label"));
                assertEquals("v20261122-014850-002", properties.get("model_version"));
                assertEquals("fb-0001-e2e", properties.get("feedback_id"));
                assertTrue(output().contains("agent attached: true"), "agent detection; output:\n" + output());
            } finally {
                child.getOutputStream().close();
                assertExitsNormally(child);
            }
        }
    }

    @Test
    void recordingWithTheEndpointDownReturnsAtOnceAndTheProcessExitsNormally() throws Exception {
        Process child = startEmitter(connectionStringToClosedPort(), "burst", "100");
        child.getOutputStream().close();
        assertExitsNormally(child);

        Matcher reported = Pattern.compile("recorded 100 in (\\d+) ms").matcher(output());
        assertTrue(reported.find(), "the child did not report its burst; output:\n" + output());
        // Loose on purpose: trackTrace only enqueues, so even a slow machine is far below this.
        long millis = Long.parseLong(reported.group(1));
        assertTrue(millis < 2_000, "100 records took " + millis + " ms with the endpoint down");
    }

    private Process startEmitter(String connectionString, String... args) throws IOException {
        Path agent = Path.of(System.getProperty("pigeonhole.applicationinsights.agent",
                "target/applicationinsights-agent/applicationinsights-agent.jar"));
        assertTrue(Files.isRegularFile(agent), "no agent jar at " + agent.toAbsolutePath()
                + "; the maven-dependency-plugin copy in feedback-function/pom.xml puts it there");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent.toAbsolutePath(),
                // The agent keeps unsent telemetry and its own files under the temp dir: keep them in the test's.
                "-Djava.io.tmpdir=" + temp,
                "-cp", System.getProperty("java.class.path"),
                BadPredictionEmitter.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("APPLICATIONINSIGHTS_"));
        builder.environment().put("APPLICATIONINSIGHTS_CONNECTION_STRING", connectionString);
        builder.environment().put("APPLICATIONINSIGHTS_CONFIGURATION_CONTENT", AGENT_CONFIGURATION);
        return builder.start();
    }

    private void assertExitsNormally(Process child) throws InterruptedException {
        if (!child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("the child JVM did not exit within " + WAIT + "; output:\n" + output());
        }
        assertEquals(0, child.exitValue(), "child exit code; output:\n" + output());
    }

    private String output() {
        try {
            return Files.readString(temp.resolve("child.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static boolean isBadPrediction(Map<String, Object> envelope) {
        return envelope.get("data") instanceof Map<?, ?> data
                && data.get("baseData") instanceof Map<?, ?> baseData
                && "Bad prediction".equals(baseData.get("message"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is not an object in " + parent);
        return (Map<String, Object>) value;
    }

    private static String connectionStringToClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:" + port + "/";
    }
}
