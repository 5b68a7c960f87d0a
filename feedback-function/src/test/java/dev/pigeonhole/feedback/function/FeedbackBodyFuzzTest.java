package dev.pigeonhole.feedback.function;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.testing.Fuzz;
import dev.pigeonhole.contract.JsonBodies;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the JSON body of {@code POST /feedback} (with a valid key) through the embedded Netty server: whatever the
 * body, the answer is 202 or a 4xx {"status":"error","message":...}, never a 5xx. Bodies come from a {@link Random}
 * with a fixed seed, so a failure names its input and reproduces on every run.
 */
class FeedbackBodyFuzzTest {

    private static final List<String> FIELDS = List.of("text", "predicted_label", "true_label", "prediction_id",
            "model_version");

    private static Path store;
    private static EmbeddedServer server;
    private static NettyTransport http;

    @BeforeAll
    static void start() throws IOException {
        store = Files.createTempDirectory("feedback-fuzz");
        ModelFixture.publish(store);
        Map<String, Object> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put("pigeonhole.feedback.rate-per-second", "0");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        http = new NettyTransport(server);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(store)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void anyFeedbackBodyIsAcceptedOrGetsAJsonClientError() {
        Fuzz.check(0x5EED_0003L, 150, FeedbackBodyFuzzTest::body, FeedbackBodyFuzzTest::assertAcceptedOrRefused);
    }

    private static void assertAcceptedOrRefused(String body) {
        ContractResponse response = http.send(ContractRequest.post("/feedback", "application/json", body.getBytes(UTF_8))
                .withHeader("X-API-Key", FeedbackContractTest.API_KEY));

        assertTrue(response.status() < 500, response.status() + " " + response.text() + " for " + body);
        String contentType = response.header("content-type");
        assertTrue(contentType != null && contentType.startsWith("application/json"), contentType + " for " + body);
        Map<String, Object> json = response.json();
        if (response.status() >= 400) {
            assertEquals("error", json.get("status"), response.text());
            assertTrue(json.get("message") instanceof String message && !message.isBlank(), response.text());
        } else {
            assertEquals(202, response.status(), response.text());
            assertTrue(json.containsKey("feedback_id"), response.text());
        }
    }

    private static String body(Random random) {
        if (random.nextBoolean()) {
            return JsonBodies.any(random, FIELDS);
        }
        // Valid labels now and then, so that bodies get past validation into the store.
        List<String> labels = List.of("Science", "Sport", "Informatique");
        return "{\"text\": " + JsonBodies.value(random, 1) + ", \"predicted_label\": \"" + Fuzz.oneOf(random, labels)
                + "\", \"true_label\": \"" + Fuzz.oneOf(random, labels) + "\"}";
    }
}
