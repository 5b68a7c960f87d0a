package dev.pigeonhole.predict;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import static dev.pigeonhole.predict.PredictContractTest.assertError;
import static dev.pigeonhole.predict.PredictContractTest.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pigeonhole.access.ApiKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
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

    /** A request with headers (the contract's ContractRequest carries none), sent by {@link #send}. */
    private record Call(String method, String path, Map<String, String> headers, String contentType, byte[] body) {

        static Call of(ContractRequest request) {
            return new Call(request.method(), request.path(), Map.of(), request.contentType(), request.body());
        }

        Call with(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Call(method, path, more, contentType, body);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final class Http {
        private final URI base;

        Http(EmbeddedServer server) {
            this.base = server.getURI();
        }

        ContractResponse send(Call call) {
            HttpRequest.Builder http = HttpRequest.newBuilder(base.resolve(call.path())).timeout(Duration.ofSeconds(30))
                    .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            if (call.contentType() != null) {
                http.header("Content-Type", call.contentType());
            }
            call.headers().forEach(http::header);
            try {
                HttpResponse<byte[]> response = CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new HashMap<>();
                response.headers().map().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
                return new ContractResponse(response.statusCode(), headers, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        ContractResponse send(ContractRequest request) {
            return send(Call.of(request));
        }
    }

    private static Call predict() {
        return Call.of(ContractRequest.postJson("/predict", TEXT));
    }

    @Test
    void byDefaultAPredictionNeedsNoKey() {
        try (EmbeddedServer server = start(Map.of())) {
            assertJson(200, new Http(server).send(predict()));
        }
    }

    @Test
    void aWrongKeyIsRefusedWith403EvenWhereNoneIsRequired() {
        try (EmbeddedServer server = start(Map.of())) {
            assertError(403, "the X-API-Key header holds no valid key for prediction: check the key, or ask for a new "
                    + "one if it was rotated", new Http(server).send(predict().withHeader("X-API-Key", "guess")));
        }
    }

    @Test
    void whenRequiredEveryPredictionEndpointWithoutAKeyIs401() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.require-api-key", "true"))) {
            Http http = new Http(server);
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
            Http http = new Http(server);

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
                    new Http(server).send(predict()));
        }
    }

    @Test
    void anAddressOverItsBurstGets429WithRetryAfter() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.rate-per-second", "0.5",
                "pigeonhole.predict.rate-burst", "2"))) {
            Http http = new Http(server);
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
    void behindATrustedProxyEachForwardedAddressHasItsOwnLimit() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.predict.rate-per-second", "0.01",
                "pigeonhole.predict.rate-burst", "1", "pigeonhole.access.forwarded-for-hops", "1"))) {
            Http http = new Http(server);

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
            Http http = new Http(server);

            assertJson(200, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.7")));
            assertJson(429, http.send(predict().withHeader("X-Forwarded-For", "203.0.113.8")));
        }
    }

    @Test
    void thePageGetsAKeyOnlyFromTheDemoSetting() {
        try (EmbeddedServer server = start(Map.of())) {
            ContractResponse settings = new Http(server).send(ContractRequest.get("/config.json"));
            assertFalse(settings.json().containsKey("api_key"), settings.text());
        }
        try (EmbeddedServer server = start(Map.of("pigeonhole.web.demo-api-key", KEY))) {
            ContractResponse settings = new Http(server).send(ContractRequest.get("/config.json"));
            assertEquals(KEY, settings.json().get("api_key"));
            assertEquals("no-store", settings.header("cache-control"));
        }
    }
}
