package dev.pigeonhole.predict;

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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the JSON bodies of {@code POST /predict} and {@code POST /predict/batch} through the embedded Netty server:
 * whatever the body, the answer is a 2xx prediction or a 4xx {"status":"error","message":...}, never a 5xx. Bodies
 * come from a {@link Random} with a fixed seed, so a failure names its input and reproduces on every run.
 */
class PredictBodyFuzzTest {

    private static Path store;
    private static EmbeddedServer server;
    private static NettyTransport http;

    @BeforeAll
    static void start() throws IOException {
        store = Files.createTempDirectory("predict-fuzz");
        ModelFixture.publish(store);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("pigeonhole.store", "file:" + store,
                "pigeonhole.predict.rate-per-second", "0"));
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
    void anyPredictBodyGetsAPredictionOrAJsonClientError() {
        Fuzz.check(0x5EED_0001L, 200, PredictBodyFuzzTest::predictBody,
                body -> assertAnsweredWithoutServerError("/predict", body));
    }

    @Test
    void anyBatchBodyGetsPredictionsOrAJsonClientError() {
        Fuzz.check(0x5EED_0002L, 200, PredictBodyFuzzTest::batchBody,
                body -> assertAnsweredWithoutServerError("/predict/batch", body));
    }

    private static void assertAnsweredWithoutServerError(String path, String body) {
        ContractResponse response = http.send(ContractRequest.post(path, "application/json", body.getBytes(UTF_8)));

        assertTrue(response.status() < 500, response.status() + " " + response.text() + " for " + body);
        String contentType = response.header("content-type");
        assertTrue(contentType != null && contentType.startsWith("application/json"), contentType + " for " + body);
        Map<String, Object> json = response.json();
        if (response.status() >= 400) {
            assertEquals("error", json.get("status"), response.text());
            assertTrue(json.get("message") instanceof String message && !message.isBlank(), response.text());
        } else {
            assertTrue(json.containsKey("category_name") || json.containsKey("predictions"), response.text());
        }
    }

    private static String predictBody(Random random) {
        return JsonBodies.any(random, List.of("text"));
    }

    private static String batchBody(Random random) {
        return random.nextBoolean() ? JsonBodies.any(random, List.of("texts"))
                : "{\"texts\": " + JsonBodies.array(random, 5, () -> JsonBodies.value(random, 1)) + "}";
    }
}
