package dev.pigeonhole.predict;

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
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the JSON bodies of {@code POST /predict} and {@code POST /predict/batch} through the embedded Netty server:
 * whatever the body, the answer is a 2xx prediction or a 4xx {"status":"error","message":...}, never a 5xx.
 */
class PredictBodyFuzzTest {

    private static Path store;
    private static EmbeddedServer server;
    private static NettyTransport http;

    @BeforeContainer
    static void start() throws IOException {
        store = Files.createTempDirectory("predict-fuzz");
        ModelFixture.publish(store);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("pigeonhole.store", "file:" + store,
                "pigeonhole.predict.rate-per-second", "0"));
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

    @Property(tries = 200)
    void anyPredictBodyGetsAPredictionOrAJsonClientError(@ForAll("predictBodies") String body) {
        assertAnsweredWithoutServerError("/predict", body);
    }

    @Property(tries = 200)
    void anyBatchBodyGetsPredictionsOrAJsonClientError(@ForAll("batchBodies") String body) {
        assertAnsweredWithoutServerError("/predict/batch", body);
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

    @Provide
    Arbitrary<String> predictBodies() {
        return JsonBodies.any(List.of("text"));
    }

    @Provide
    Arbitrary<String> batchBodies() {
        return net.jqwik.api.Arbitraries.oneOf(JsonBodies.any(List.of("texts")),
                JsonBodies.value(1).list().ofMaxSize(5).map(items -> "{\"texts\": [" + String.join(",", items) + "]}"));
    }
}
