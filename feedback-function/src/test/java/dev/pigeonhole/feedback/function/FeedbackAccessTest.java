package dev.pigeonhole.feedback.function;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.feedback.function.FeedbackContractTest.API_KEY;
import static dev.pigeonhole.feedback.function.FeedbackContractTest.CLIENT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.http.RequestRejectedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import dev.pigeonhole.store.LocalArtifactStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may post feedback: a configured API key, within its client's rate limit; the health endpoint stays open. */
class FeedbackAccessTest {

    private static final String BODY = """
            {"text": "the team won the hockey game", "predicted_label": "Science", "true_label": "Sport"}""";

    @TempDir
    Path store;

    @BeforeEach
    void publishModel() {
        ModelFixture.publish(store);
    }

    private EmbeddedServer start(Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static ContractRequest feedback() {
        return ContractRequest.postJson("/feedback", BODY);
    }

    @Test
    void feedbackWithoutAKeyIs401AndStoresNothing() {
        try (EmbeddedServer server = start(Map.of())) {
            ContractResponse response = new NettyTransport(server).send(feedback());

            assertError(401, "feedback needs an API key: send it in the X-API-Key header", response);
            assertEquals("ApiKey header=\"X-API-Key\"", response.header("www-authenticate"));
            assertEquals(List.of(), records());
        }
    }

    @Test
    void feedbackWithAWrongKeyIs403AndStoresNothing() {
        try (EmbeddedServer server = start(Map.of())) {
            ContractResponse response = new NettyTransport(server).send(feedback().withHeader("X-API-Key", API_KEY + "x"));

            assertError(403, "the X-API-Key header holds no valid key for feedback: check the key, or ask for a new one "
                    + "if it was rotated", response);
            assertEquals(List.of(), records());
        }
    }

    @Test
    void feedbackWithAKeyIsStoredUnderItsClientId() {
        String other = "second-client-key-0c55e1";
        try (EmbeddedServer server = start(Map.of("pigeonhole.access.api-keys",
                FeedbackContractTest.apiKeysEntry() + ", web-page:" + ApiKeys.sha256Hex(other)))) {
            NettyTransport http = new NettyTransport(server);

            assertJson(202, http.send(feedback().withHeader("X-API-Key", API_KEY)));
            assertJson(202, http.send(feedback().withHeader("X-API-Key", " " + other + " ")));

            assertEquals(List.of(CLIENT_ID, "web-page"), records().stream().map(FeedbackRecord::clientId).toList());
        }
    }

    @Test
    void aFunctionWithoutKeysRefusesFeedbackWith503SayingHowToOpenIt() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.access.api-keys", ""))) {
            ContractResponse response = new NettyTransport(server).send(feedback().withHeader("X-API-Key", API_KEY));

            assertError(403, "the X-API-Key header holds no valid key for feedback: check the key, or ask for a new one "
                    + "if it was rotated", response);
            assertError(503, "feedback is closed: no API keys are configured on this function (PIGEONHOLE_API_KEYS); "
                    + "its operator creates one with ./pigeonhole keys create <client-id>",
                    new NettyTransport(server).send(feedback()));
            assertEquals(List.of(), records());
        }
    }

    @Test
    void aFeedbackThatReachesTheControllerWithoutAKeyIsRefusedThere() {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(FeedbackContractTest.contractProperties(store)))) {
            FeedbackController controller = context.getBean(FeedbackController.class);
            FeedbackSubmission submission = new FeedbackSubmission("the team won the hockey game", "Science", "Sport",
                    null, null);

            RequestRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(RequestRejectedException.class,
                    () -> controller.feedback(submission, HttpRequest.POST("/feedback/", submission)));

            assertEquals(HttpStatus.UNAUTHORIZED, refused.status());
            assertEquals("feedback needs an API key: send it in the X-API-Key header", refused.getMessage());
            assertEquals(List.of(), records());
        }
    }

    @Test
    void healthNeedsNoKey() {
        try (EmbeddedServer server = start(Map.of())) {
            assertJson(200, new NettyTransport(server).send(ContractRequest.get("/health")));
        }
    }

    @Test
    void aClientOverItsBurstGets429WithRetryAfterWhileAnotherClientGoesOn() {
        String other = "second-client-key-0c55e1";
        try (EmbeddedServer server = start(Map.of(
                "pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry() + ",other:" + ApiKeys.sha256Hex(other),
                "pigeonhole.feedback.rate-per-second", "0.01",
                "pigeonhole.feedback.rate-burst", "3"))) {
            NettyTransport http = new NettyTransport(server);
            for (int i = 0; i < 3; i++) {
                assertJson(202, http.send(feedback().withHeader("X-API-Key", API_KEY)));
            }

            ContractResponse limited = http.send(feedback().withHeader("X-API-Key", API_KEY));

            assertError(429, "too many feedback requests from this caller: retry in 100 s", limited);
            assertEquals("100", limited.header("retry-after"));
            assertJson(202, http.send(feedback().withHeader("X-API-Key", other)));
            assertEquals(4, records().size());
        }
    }

    @Test
    void aRateOfZeroDisablesTheLimit() {
        try (EmbeddedServer server = start(Map.of("pigeonhole.feedback.rate-per-second", "0",
                "pigeonhole.feedback.rate-burst", "1"))) {
            NettyTransport http = new NettyTransport(server);
            for (int i = 0; i < 5; i++) {
                assertJson(202, http.send(feedback().withHeader("X-API-Key", API_KEY)));
            }
        }
    }

    @Test
    void thePreflightOfThePredictPageAllowsTheApiKeyHeader() {
        try (EmbeddedServer server = start(Map.of())) {
            String origin = FeedbackContractTest.predictPageOrigin();
            ContractResponse response = new NettyTransport(server).send(new ContractRequest("OPTIONS", "/feedback",
                    Map.of("Origin", origin, "Access-Control-Request-Method", "POST",
                            "Access-Control-Request-Headers", "content-type,x-api-key"), null));

            assertEquals(200, response.status(), response.text());
            assertEquals(origin, response.header("access-control-allow-origin"));
            assertEquals("content-type,x-api-key", response.header("access-control-allow-headers").toLowerCase());
        }
    }

    @Test
    void aRefusalReachesTheBrowserPageWithItsCorsHeader() {
        try (EmbeddedServer server = start(Map.of())) {
            String origin = FeedbackContractTest.predictPageOrigin();
            ContractResponse response = new NettyTransport(server).send(feedback().withHeader("Origin", origin));

            assertJson(401, response);
            assertEquals(origin, response.header("access-control-allow-origin"));
        }
    }

    @Test
    void aMalformedKeyConfigurationStopsStartUpNamingTheEntry() {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> start(Map.of("pigeonhole.access.api-keys", "web:not-a-digest")).close());
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("PIGEONHOLE_API_KEYS entry 1 (client 'web') is not followed by 64 hex"),
                root.getMessage());
    }

    @Test
    void aNegativeRateStopsStartUp() {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> start(Map.of("pigeonhole.feedback.rate-per-second", "-1")).close());
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().startsWith("a rate limit must be 0 (no limit) or a positive number"), root.getMessage());
    }

    private List<FeedbackRecord> records() {
        return new FeedbackReader(new LocalArtifactStore(store)).records();
    }
}
