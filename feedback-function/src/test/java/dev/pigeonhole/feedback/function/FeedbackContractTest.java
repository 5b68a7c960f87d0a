package dev.pigeonhole.feedback.function;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.contract.ErrorAnswers.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.FunctionContract;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.PathSpellings;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.store.LocalArtifactStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of the feedback function (README, "The HTTP API"), written once against {@link #send} so that
 * every runtime that carries it (Netty, AWS Lambda, Azure Functions) is proven by the same tests.
 */
class FeedbackContractTest extends FunctionContract {

    /** The feedback function's Azure entry point, for the Azure runtime. */
    static final AzureEntryPoint AZURE =
            new AzureEntryPoint("dev.pigeonhole.feedback.function.azure.FeedbackHttpFunction", "feedback");

    private String version;

    @Override
    protected Map<String, String> prepare(Path store) {
        version = ModelFixture.publish(store);
        return contractProperties(store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return AZURE;
    }

    static final long MAX_BODY_BYTES = 4_096;
    static final int MAX_TEXT_CHARACTERS = 1_000;
    static final String LABELS = "Science, Sport, Informatique";
    static final String FEEDBACK_ID = "\\d{8}T\\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /** The client whose API key the contract's feedback requests carry, and that key. */
    static final String CLIENT_ID = "contract-tests";
    static final String API_KEY = "contract-test-key-5b0f2c7e9d4a41c8a3e6";

    /** Serving the model of {@code store}, with a body limit small enough to cross quickly, and one API key. */
    static Map<String, String> contractProperties(Path store) {
        return Map.of(
                "pigeonhole.store", "file:" + store,
                "pigeonhole.channel", "production",
                "pigeonhole.feedback.max-body-bytes", Long.toString(MAX_BODY_BYTES),
                "pigeonhole.feedback.max-text-characters", Integer.toString(MAX_TEXT_CHARACTERS),
                "pigeonhole.access.api-keys", apiKeysEntry());
    }

    /** The PIGEONHOLE_API_KEYS value that admits {@link #API_KEY} as {@link #CLIENT_ID}. */
    static String apiKeysEntry() {
        return CLIENT_ID + ":" + ApiKeys.sha256Hex(API_KEY);
    }

    /** A POST of {@code json} to /feedback with the contract's API key. */
    static ContractRequest keyedFeedback(String json) {
        return ContractRequest.postJson("/feedback", json).withHeader("X-API-Key", API_KEY);
    }

    /** The version the test store's production channel serves. */
    protected String servedVersion() {
        return version;
    }

    @Test
    void healthReportsTheServedVersion() {
        ContractResponse response = send(ContractRequest.get("/health"));

        assertJson(200, response);
        assertEquals(Map.of("status", "ok", "model_loaded", true, "model_version", servedVersion()), response.json());
    }

    @Test
    void feedbackOnARightPredictionIsStoredAndIsNoBadPrediction() {
        String predictionId = UUID.randomUUID().toString();
        ContractResponse response = send(keyedFeedback("""
                {"text": "the team won the hockey game", "predicted_label": "Sport", "true_label": "Sport",
                 "prediction_id": "%s", "model_version": "%s"}""".formatted(predictionId, servedVersion())));

        assertJson(202, response);
        String feedbackId = feedbackId(response);
        assertEquals(Map.of("feedback_id", feedbackId, "bad_prediction", false, "retrain_requested", false), response.json());
        FeedbackRecord stored = storedRecord(feedbackId);
        assertEquals("the team won the hockey game", stored.text());
        assertEquals("Sport", stored.predictedLabel());
        assertEquals("Sport", stored.trueLabel());
        assertEquals(predictionId, stored.predictionId());
        assertEquals(servedVersion(), stored.modelVersion());
        assertEquals(CLIENT_ID, stored.clientId());
    }

    @Test
    void feedbackOnAWrongPredictionIsStoredAsABadPrediction() {
        ContractResponse response = send(keyedFeedback("""
                {"text": "the telescope observed the planet", "predicted_label": "Informatique", "true_label": "Science"}"""));

        assertJson(202, response);
        String feedbackId = feedbackId(response);
        assertEquals(Map.of("feedback_id", feedbackId, "bad_prediction", true, "retrain_requested", false), response.json());
        FeedbackRecord stored = storedRecord(feedbackId);
        assertEquals("Informatique", stored.predictedLabel());
        assertEquals("Science", stored.trueLabel());
        assertNull(stored.predictionId());
        assertNull(stored.modelVersion());
    }

    @Test
    void aRepeatedPredictionIdAnswersTheSameFeedbackIdAndStoresOneRecord() {
        String body = """
                {"text": "the compiler crashed", "predicted_label": "Science", "true_label": "Informatique",
                 "prediction_id": "%s"}""".formatted(UUID.randomUUID());

        ContractResponse first = send(keyedFeedback(body));
        ContractResponse again = send(keyedFeedback(body));

        assertJson(202, first);
        assertJson(202, again);
        assertEquals(first.json(), again.json());
        String feedbackId = feedbackId(first);
        assertEquals(1, records().stream().filter(r -> r.feedbackId().equals(feedbackId)).count());
        assertEquals(1, records().stream().filter(r -> r.text().equals("the compiler crashed")).count());
    }

    // --- bad input: every case its status and message -------------------------------------------

    @Test
    void feedbackWithoutTextIs400() {
        assertError(400, "missing field \"text\": send " + FeedbackEndpointGuide.EXAMPLE_BODY,
                send(keyedFeedback("{\"predicted_label\": \"Sport\", \"true_label\": \"Sport\"}")));
    }

    @Test
    void feedbackWithoutPredictedLabelIs400() {
        assertError(400, "missing field \"predicted_label\": send " + FeedbackEndpointGuide.EXAMPLE_BODY,
                send(keyedFeedback("{\"text\": \"the team won\", \"true_label\": \"Sport\"}")));
    }

    @Test
    void feedbackWithoutTrueLabelIs400() {
        assertError(400, "missing field \"true_label\": send " + FeedbackEndpointGuide.EXAMPLE_BODY,
                send(keyedFeedback("{\"text\": \"the team won\", \"predicted_label\": \"Sport\"}")));
    }

    @Test
    void feedbackWithEmptyTextIs400() {
        assertError(400, "\"text\" is empty or only whitespace: send the text that was classified",
                send(feedback("", "Sport", "Sport")));
    }

    @Test
    void feedbackWithWhitespaceOnlyTextIs400() {
        assertError(400, "\"text\" is empty or only whitespace: send the text that was classified",
                send(feedback(" \\t\\n ", "Sport", "Sport")));
    }

    @Test
    void feedbackWithDigitsOnlyTextIs400() {
        assertError(400, "\"text\" has no letters, only digits, punctuation or symbols: send the text that was classified",
                send(feedback("12 345,67", "Sport", "Sport")));
    }

    @Test
    void feedbackWithAnUnknownTrueLabelIs400WithTheValidLabels() {
        assertError(400, "\"true_label\" is \"Cooking\", not a label of the served model: send one of " + LABELS,
                send(feedback("the chef baked a cake", "Science", "Cooking")));
    }

    @Test
    void feedbackWithAnUnknownPredictedLabelIs400WithTheValidLabels() {
        assertError(400, "\"predicted_label\" is \"sport\", not a label of the served model: send one of " + LABELS,
                send(feedback("the team won", "sport", "Sport")));
    }

    @Test
    void feedbackWithABlankTrueLabelIs400WithTheValidLabels() {
        assertError(400, "\"true_label\" is \" \", not a label of the served model: send one of " + LABELS,
                send(feedback("the team won", "Sport", " ")));
    }

    @Test
    void aTextOverTheCharacterLimitIs413NamingTheLimit() {
        assertError(413, "\"text\" has 1005 characters, more than the limit of 1000 for feedback: send the text that "
                + "was classified, at most 1000 characters", send(feedback("word ".repeat(201), "Sport", "Sport")));
    }

    @Test
    void aPredictionIdOverSixtyFourCharactersIs400() {
        String message = "\"prediction_id\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or "
                + "digit, as /predict answers it";
        assertError(400, message, send(keyedFeedback("""
                {"text": "the team won", "predicted_label": "Sport", "true_label": "Sport", "prediction_id": "%s"}"""
                .formatted("a".repeat(65)))));
        assertError(400, message, send(keyedFeedback("""
                {"text": "the team won", "predicted_label": "Sport", "true_label": "Sport", "prediction_id": "../x"}""")));
    }

    @Test
    void aModelVersionThatIsNoVersionNameIs400() {
        assertError(400, "\"model_version\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter "
                + "or digit, as /predict answers it", send(keyedFeedback("""
                {"text": "the team won", "predicted_label": "Sport", "true_label": "Sport", "model_version": "v1 <b>"}""")));
    }

    @Test
    void refusedFeedbackStoresNothing() {
        int before = records().size();

        send(feedback("the chef baked a cake", "Science", "Cooking"));

        assertEquals(before, records().size());
    }

    @Test
    void feedbackWithMalformedJsonIs400() {
        ContractResponse response = send(keyedFeedback("{\"text\": \"the team won"));

        assertJson(400, response);
        assertTrue(message(response).startsWith("malformed JSON body: "), message(response));
    }

    @Test
    void feedbackWithoutBodyIs400() {
        assertError(400, "the request has no JSON body: send " + FeedbackEndpointGuide.EXAMPLE_BODY,
                send(ContractRequest.post("/feedback", "application/json", new byte[0]).withHeader("X-API-Key", API_KEY)));
    }

    @Test
    void feedbackWithATextOfTheWrongShapeIs400() {
        assertError(400, "the JSON body does not have the expected shape: send " + FeedbackEndpointGuide.EXAMPLE_BODY,
                send(keyedFeedback(
                        "{\"text\": {\"nested\": true}, \"predicted_label\": \"Sport\", \"true_label\": \"Sport\"}")));
    }

    @Test
    void feedbackAsPlainTextIs415() {
        assertError(415, "content type 'text/plain' is not accepted on /feedback; send application/json",
                send(ContractRequest.post("/feedback", "text/plain", "the team won".getBytes(UTF_8)).withHeader("X-API-Key", API_KEY)));
    }

    @Test
    void feedbackBodyOverTheLimitIs413() {
        String text = "word ".repeat((int) MAX_BODY_BYTES / 5 + 10);
        assertError(413, FeedbackEndpointGuide.tooLargeMessage(MAX_BODY_BYTES), send(feedback(text, "Sport", "Sport")));
    }

    @Test
    void feedbackBodyOverTheLimitSentWithoutContentLengthIs413() {
        assertError(413, FeedbackEndpointGuide.tooLargeMessage(MAX_BODY_BYTES),
                sendWithoutContentLength(feedback("word ".repeat((int) MAX_BODY_BYTES / 5 + 10), "Sport", "Sport")));
    }

    @Test
    void unknownRouteIs404WithTheEndpoints() {
        assertError(404, "no endpoint at GET /nowhere; the endpoints are GET /health, POST /feedback, POST /feedback/batch",
                send(ContractRequest.get("/nowhere")));
    }

    @Test
    void wrongMethodIs405() {
        assertError(405, "method GET is not allowed on /feedback; use POST", send(ContractRequest.get("/feedback")));
    }

    // --- access fails closed: no spelling of a path reaches the controller without a key ---------------

    @Test
    void noSpellingOfFeedbackOrUploadTakesAFeedbackWithoutAKey() {
        int before = records().size();
        List<String> paths = new java.util.ArrayList<>(PathSpellings.of("/feedback"));
        paths.add("/upload/");
        ContractRequest unkeyed = ContractRequest.postJson("/feedback", """
                {"text": "the team won the hockey game", "predicted_label": "Science", "true_label": "Sport"}""");
        for (String path : paths) {
            for (String method : PathSpellings.METHODS) {
                PathSpellings.assertRefused(method, path, send(PathSpellings.as(method, unkeyed.withPath(path))));
            }
        }
        assertEquals(before, records().size(), "nothing stored");
    }

    @Test
    void noSpellingOfTheBatchPathTakesABatchWithoutAKey() {
        int before = records().size();
        List<String> paths = new java.util.ArrayList<>(PathSpellings.of("/feedback/batch"));
        paths.add("/feedback/batch");
        ContractRequest unkeyed = ContractRequest.postJson("/feedback/batch", """
                {"items": [{"text": "the team won the hockey game", "predicted_label": "Science", "true_label": "Sport"}]}""");
        for (String path : paths) {
            for (String method : PathSpellings.METHODS) {
                PathSpellings.assertRefused(method, path, send(PathSpellings.as(method, unkeyed.withPath(path))));
            }
        }
        assertEquals(before, records().size(), "nothing stored");
    }

    @Test
    void aTrailingSlashNeedsTheKeyAsThePathDoes() {
        ContractResponse response = send(ContractRequest.postJson("/feedback/", """
                {"text": "the team won the hockey game", "predicted_label": "Science", "true_label": "Sport"}"""));

        assertError(401, "feedback needs an API key: send it in the X-API-Key header", response);
    }

    // --- POST /feedback/batch: each item judged on its own, answered in order ---------------------------

    @Test
    void aBatchAnswersEveryItemInOrderAndStoresTheValidOnes() {
        String predictionId = UUID.randomUUID().toString();
        ContractResponse response = send(ContractRequest.postJson("/feedback/batch", """
                {"items": [
                  {"text": "the goalie saved the penalty", "predicted_label": "Science", "true_label": "Sport",
                   "prediction_id": "%s"},
                  {"text": "the chef baked a cake", "predicted_label": "Science", "true_label": "Cooking"},
                  {"text": "12345", "predicted_label": "Sport", "true_label": "Sport"},
                  null,
                  {"text": "the compiler optimised the loop", "predicted_label": "Informatique", "true_label": "Informatique"},
                  {"text": "the goalie saved the penalty", "predicted_label": "Science", "true_label": "Sport",
                   "prediction_id": "%s"}
                ]}""".formatted(predictionId, predictionId)).withHeader("X-API-Key", API_KEY));

        assertJson(200, response);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.json().get("results");
        assertEquals(6, results.size(), response.text());
        String first = (String) results.get(0).get("feedback_id");
        assertTrue(first != null && first.matches(FEEDBACK_ID), response.text());
        assertEquals(Map.of("code", 202, "status", "accepted", "feedback_id", first, "bad_prediction", true,
                "retrain_requested", false), results.get(0));
        assertEquals(Map.of("code", 400, "status", "error", "message", "\"true_label\" is \"Cooking\", not a label of "
                + "the served model: send one of " + LABELS), results.get(1));
        assertEquals(Map.of("code", 400, "status", "error", "message", "\"text\" has no letters, only digits, "
                + "punctuation or symbols: send the text that was classified"), results.get(2));
        assertEquals(400, results.get(3).get("code"));
        assertEquals(false, results.get(4).get("bad_prediction"));
        assertEquals(first, results.get(5).get("feedback_id"), "the same prediction id twice is one record");
        assertEquals(CLIENT_ID, storedRecord(first).clientId());
        assertEquals(1, records().stream().filter(r -> r.text().equals("the goalie saved the penalty")).count());
        assertEquals(1, records().stream().filter(r -> r.text().equals("the compiler optimised the loop")).count());
    }

    @Test
    void aBatchWithoutItemsOrWithTooManyIs400() {
        assertError(400, "missing field \"items\": send " + FeedbackBatchController.EXAMPLE_BODY,
                send(ContractRequest.postJson("/feedback/batch", "{}").withHeader("X-API-Key", API_KEY)));
        assertError(400, "\"items\" has 0 corrections: send between 1 and 500",
                send(ContractRequest.postJson("/feedback/batch", "{\"items\": []}").withHeader("X-API-Key", API_KEY)));
        // Over the item limit well within the body limit: the count decides before anything is stored.
        assertError(400, "\"items\" has 501 corrections: send between 1 and 500", send(ContractRequest.postJson(
                "/feedback/batch", "{\"items\": [" + String.join(",", java.util.Collections.nCopies(501, "null"))
                        + "]}").withHeader("X-API-Key", API_KEY)));
    }

    @Test
    void aBatchOverTheBodyLimitIs413SayingToSendFewerItems() {
        String text = "word ".repeat(100);
        String item = "{\"text\": \"" + text + "\", \"predicted_label\": \"Sport\", \"true_label\": \"Sport\"}";
        String body = "{\"items\": [" + String.join(",", java.util.Collections.nCopies(10, item)) + "]}";
        int before = records().size();
        for (String path : List.of("/feedback/batch", "/feedback/batch/")) {
            assertError(413, FeedbackEndpointGuide.batchTooLargeMessage(MAX_BODY_BYTES),
                    send(ContractRequest.postJson(path, body).withHeader("X-API-Key", API_KEY)));
        }
        assertEquals(before, records().size());
    }

    // --- CORS: the predict function's web page posts feedback from its own origin ------------------

    @Test
    void preflightFromThePredictPageOriginIsAllowed() {
        String origin = predictPageOrigin();
        ContractResponse response = send(ContractRequest.preflight("/feedback", origin));

        assertEquals(200, response.status(), response.text());
        assertEquals(origin, response.header("access-control-allow-origin"));
        assertEquals("POST", response.header("access-control-allow-methods"));
        assertEquals("content-type", response.header("access-control-allow-headers").toLowerCase());
    }

    @Test
    void preflightWithoutRequestedHeadersFromThePredictPageOriginIsAllowed() {
        String origin = predictPageOrigin();
        ContractResponse response = send(new ContractRequest("OPTIONS", "/feedback",
                Map.of("Origin", origin, "Access-Control-Request-Method", "POST"), null));

        assertEquals(200, response.status(), response.text());
        assertEquals(origin, response.header("access-control-allow-origin"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        ContractResponse response = send(ContractRequest.preflight("/feedback", "https://elsewhere.example"));

        assertEquals(403, response.status(), response.text());
        assertNull(response.header("access-control-allow-origin"));
    }

    @Test
    void feedbackFromThePredictPageOriginCarriesTheAllowOriginHeader() {
        String origin = predictPageOrigin();
        ContractResponse response = send(feedback("the team won the game", "Sport", "Sport").withHeader("Origin", origin));

        assertJson(202, response);
        assertEquals(origin, response.header("access-control-allow-origin"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** The predict page's default origin: http://localhost:PREDICT_PORT (8080 when unset). */
    static String predictPageOrigin() {
        String port = System.getenv("PREDICT_PORT");
        return "http://localhost:" + (port == null || port.isBlank() ? "8080" : port.strip());
    }

    static ContractRequest feedback(String text, String predictedLabel, String trueLabel) {
        return keyedFeedback("{\"text\": \"" + text + "\", \"predicted_label\": \""
                + predictedLabel + "\", \"true_label\": \"" + trueLabel + "\"}");
    }

    List<FeedbackRecord> records() {
        return new FeedbackReader(new LocalArtifactStore(store())).records();
    }

    FeedbackRecord storedRecord(String feedbackId) {
        List<FeedbackRecord> matching = records().stream().filter(r -> r.feedbackId().equals(feedbackId)).toList();
        assertEquals(1, matching.size(), "records with id " + feedbackId);
        return matching.get(0);
    }

    static String feedbackId(ContractResponse response) {
        String id = (String) response.json().get("feedback_id");
        assertTrue(id != null && id.matches(FEEDBACK_ID), "feedback_id " + id);
        return id;
    }

}
