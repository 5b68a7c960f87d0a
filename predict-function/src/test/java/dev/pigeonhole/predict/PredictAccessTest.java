package dev.pigeonhole.predict;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.contract.ErrorAnswers.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.access.ApiKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may ask for predictions: anyone by default (a wrong key is still refused), only key holders when
 * {@code pigeonhole.predict.require-api-key} is set; each source address within its rate limit. Health, the model,
 * the page and its settings stay open.
 */
class PredictAccessTest {

    private static final String KEY = "predict-test-key-8e1f04b2a7";
    private static final String KEYS = "tester:" + ApiKeys.sha256Hex(KEY);
    private static final String TEXT = "{\"text\": \"the team won the hockey game\"}";

    @TempDir
    static Path store;

    @BeforeAll
    static void publishModel() {
        ModelFixture.publish(store);
    }

    private static EmbeddedServer start(Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>(PredictContractTest.contractProperties(store));
        properties.put("pigeonhole.access.api-keys", KEYS);
        properties.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static ContractRequest predict() {
        return ContractRequest.postJson("/predict", TEXT);
    }

    @Test
    void byDefaultAPredictionNeedsNoKey() {
        try (EmbeddedServer server = start(Map.of())) {
            assertJson(200, new NettyTransport(server).send(predict()));
        }
    }

    @Test
    void aWrongKeyIsRefusedWith403EvenWhereNoneIsRequired() {
        try (EmbeddedServer server = start(Map.of())) {
            assertError(403, "the X-API-Key header holds no valid key for prediction: check the key, or ask for a new "
                    + "one if it was rotated", new NettyTransport(server).send(predict().withHeader("X-API-Key", "guess")));
        }
    }

    @Test
    void whenRequiredEveryPredictionEndpointWithoutAKeyIs401() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.require-api-key", "true"))) {
            NettyTransport http = new NettyTransport(server);
            String message = "prediction needs an API key: send it in the X-API-Key header";

            assertError(401, message, http.send(predict()));
            assertError(401, message, http.send(ContractRequest.postJson("/predict/batch", "{\"texts\": [\"a goal\"]}")));
            assertError(401, message, http.send(ContractRequest.upload("file", "note.txt", "text/plain",
                    "the team won".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertJson(200, http.send(predict().withHeader("X-API-Key", KEY)));
        }
    }

    @Test
    void whenRequiredHealthTheModelThePageAndItsSettingsStayOpen() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.require-api-key", "true"))) {
            NettyTransport http = new NettyTransport(server);

            assertJson(200, http.send(ContractRequest.get("/health")));
            assertJson(200, http.send(ContractRequest.get("/model")));
            assertJson(200, http.send(ContractRequest.get("/config.json")));
            assertEquals(200, http.send(ContractRequest.get("/")).status());
        }
    }

    @Test
    void requiredWithoutAnyKeyConfiguredPredictionsAreClosedWith503() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.require-api-key", "true",
                "pigeonhole.access.api-keys", ""))) {
            assertError(503, "prediction is closed: no API keys are configured on this function (PIGEONHOLE_API_KEYS); "
                    + "its operator creates one with ./pigeonhole keys create <client-id>",
                    new NettyTransport(server).send(predict()));
        }
    }

    @Test
    void anAddressOverItsBurstGets429WithRetryAfter() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.rate-per-second", "0.5",
                "pigeonhole.predict.rate-burst", "2"))) {
            NettyTransport http = new NettyTransport(server);
            assertJson(200, http.send(predict()));
            assertJson(200, http.send(predict()));

            ContractResponse limited = http.send(predict());

            assertError(429, "too many prediction requests from this caller: retry in 2 s", limited);
            assertEquals("2", limited.header("retry-after"));
            // The health check is never limited: load balancers poll it.
            assertJson(200, http.send(ContractRequest.get("/health")));
        }
    }

    @Test
    void uploadsHaveTheirOwnLowerLimitOnEverySpellingOfTheirPath() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.upload-rate-per-second", "0.01",
                "pigeonhole.predict.upload-rate-burst", "1"))) {
            NettyTransport http = new NettyTransport(server);
            ContractRequest upload = ContractRequest.upload("file", "note.txt", "text/plain",
                    "the team won".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertJson(200, http.send(upload));

            ContractResponse limited = http.send(upload.withPath("/upload/"));

            // Retry-After counts down from 100 s (0.01 per second) while a slow machine parses the first upload.
            assertJson(429, limited);
            assertEquals("too many upload requests from this caller: retry in " + limited.header("retry-after") + " s",
                    message(limited));
            assertTrue(Integer.parseInt(limited.header("retry-after")) > 90, limited.header("retry-after"));
            assertJson(429, http.send(upload.withPath("/upload?include_text=true")));
            // Predictions from the same address draw on their own bucket.
            assertJson(200, http.send(predict()));
        }
    }

    @Test
    void behindATrustedProxyEachForwardedAddressHasItsOwnLimit() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.rate-per-second", "0.01",
                "pigeonhole.predict.rate-burst", "1", "pigeonhole.access.forwarded-for-hops", "1"))) {
            NettyTransport http = new NettyTransport(server);

            assertJson(200, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.7")));
            assertJson(429, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.7")));
            // A client may prepend anything; the proxy's own entry (the last) still names it.
            assertJson(429, http.send(predict().withHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.7")));
            assertJson(200, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.8")));
        }
    }

    @Test
    void withoutATrustedProxyForwardedForIsIgnored() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.rate-per-second", "0.01",
                "pigeonhole.predict.rate-burst", "1"))) {
            NettyTransport http = new NettyTransport(server);

            assertJson(200, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.7")));
            assertJson(429, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.8")));
        }
    }

    @Test
    void thePageGetsAKeyOnlyFromTheDemoSetting() {
        try (EmbeddedServer server = start(Map.of())) {
            ContractResponse settings = new NettyTransport(server).send(ContractRequest.get("/config.json"));
            assertFalse(settings.json().containsKey("api_key"), settings.text());
        }
        try (EmbeddedServer server = start(Map.of("pigeonhole.web.demo-api-key", KEY))) {
            ContractResponse settings = new NettyTransport(server).send(ContractRequest.get("/config.json"));
            assertEquals(KEY, settings.json().get("api_key"));
            assertEquals("no-store", settings.header("cache-control"));
        }
    }

    @Test
    void thePageSettingsHandTheKeyOnlyToAnAllowedHost() throws java.io.IOException {
        try (EmbeddedServer server = start(Map.of("pigeonhole.web.demo-api-key", KEY))) {
            String rebound = rawGet(server, "/config.json", "attacker.example:" + server.getPort());
            assertTrue(rebound.startsWith("HTTP/1.1 403 "), rebound);
            assertFalse(rebound.contains(KEY), rebound);
            assertTrue(rebound.contains("\"status\":\"error\""), rebound);

            String local = rawGet(server, "/config.json", "localhost:" + server.getPort());
            assertTrue(local.startsWith("HTTP/1.1 200 "), local);
            assertTrue(local.contains(KEY), local);
        }
    }

    /** A GET with the Host header given (the JDK client will not send another than the URL's). */
    private static String rawGet(EmbeddedServer server, String path, String host) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
