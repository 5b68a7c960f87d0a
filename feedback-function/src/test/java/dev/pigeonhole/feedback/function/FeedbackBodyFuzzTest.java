package dev.pigeonhole.feedback.function;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the JSON body of {@code POST /feedback} (with a valid key) through the embedded Netty server: whatever the
 * body, the answer is 202 or a 4xx {"status":"error","message":...}, never a 5xx.
 */
class FeedbackBodyFuzzTest {

    private static final List<String> FIELDS = List.of("text", "predicted_label", "true_label", "prediction_id",
            "model_version");

    private static Path store;
    private static EmbeddedServer server;
    private static NettyTransport http;

    @BeforeContainer
    static void start() throws IOException {
        store = Files.createTempDirectory("feedback-fuzz");
        ModelFixture.publish(store);
        Map<String, Object> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put("pigeonhole.feedback.rate-per-second", "0");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        http = new NettyTransport(server);
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(store)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 150)
    void anyFeedbackBodyIsAcceptedOrGetsAJsonClientError(@ForAll("bodies") String body) {
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

    @Provide
    Arbitrary<String> bodies() {
        // Valid labels now and then, so that bodies get past validation into the store.
        Arbitrary<String> nearlyValid = Arbitraries.of("Science", "Sport", "Informatique").tuple2().flatMap(labels ->
                JsonBodies.value(1).map(text -> "{\"text\": " + text + ", \"predicted_label\": \"" + labels.get1()
                        + "\", \"true_label\": \"" + labels.get2() + "\"}"));
        return Arbitraries.oneOf(JsonBodies.any(FIELDS), nearlyValid);
    }
}
