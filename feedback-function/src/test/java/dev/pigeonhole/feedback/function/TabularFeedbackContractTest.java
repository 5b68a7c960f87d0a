package dev.pigeonhole.feedback.function;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.feedback.function.FeedbackContractTest.feedbackId;
import static dev.pigeonhole.feedback.function.FeedbackContractTest.keyedFeedback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.FunctionContract;
import dev.pigeonhole.contract.TabularModelFixture;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.store.LocalArtifactStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The feedback contract for a tabular model: the row of features in place of the text, with every guarantee the text
 * feedback has. Written once against {@link #send}, run on Netty, the Lambda handler and the Azure trigger.
 */
class TabularFeedbackContractTest extends FunctionContract {

    static final int RETRAIN_EVERY = 3;
    private static final String ROW = "{\"sepal_length\": 6.1, \"sepal_width\": 2.9, \"petal_length\": 4.7, \"petal_width\": 1.4}";
    private static final String EXPECTS = ". This model expects every one of these features as a finite number: "
            + "sepal_length, sepal_width, petal_length, petal_width";

    /** The feedback contract's properties, with a retrain request every {@value #RETRAIN_EVERY} feedbacks. */
    static Map<String, String> tabularProperties(Path store) {
        Map<String, String> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put("pigeonhole.feedback.retrain-every", Integer.toString(RETRAIN_EVERY));
        return properties;
    }

    @Override
    protected Map<String, String> prepare(Path store) {
        TabularModelFixture.publish(store);
        return tabularProperties(store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return FeedbackContractTest.AZURE;
    }

    @Test
    void aCorrectedRowIsStoredWithItsFeaturesInTheModelsOrder() {
        String predictionId = UUID.randomUUID().toString();
        ContractResponse response = send(keyedFeedback("""
                {"features": {"petal_width": 1.4, "sepal_length": 6.1, "sepal_width": 2.9, "petal_length": 4.7},
                 "predicted_label": "virginica", "true_label": "versicolor", "prediction_id": "%s"}""".formatted(predictionId)));

        assertJson(202, response);
        assertEquals(true, response.json().get("bad_prediction"));
        FeedbackRecord stored = record(feedbackId(response));
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("sepal_length", 6.1);
        expected.put("sepal_width", 2.9);
        expected.put("petal_length", 4.7);
        expected.put("petal_width", 1.4);
        assertEquals(expected, stored.features());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(stored.features().keySet()));
        assertEquals("sepal_length=6.1, sepal_width=2.9, petal_length=4.7, petal_width=1.4", stored.text());
        assertEquals("versicolor", stored.trueLabel());
        assertEquals(predictionId, stored.predictionId());
        assertEquals(FeedbackContractTest.CLIENT_ID, stored.clientId());
    }

    @Test
    void aBatchOfRowsIsJudgedItemByItemAndStoresTheGoodOnesWithTheirFeatures() {
        ContractResponse response = send(ContractRequest.postJson("/feedback/batch", """
                {"items": [
                  {"features": %s, "predicted_label": "virginica", "true_label": "versicolor"},
                  {"text": "a blue flower", "predicted_label": "setosa", "true_label": "virginica"},
                  {"features": {"sepal_length": 6.1}, "predicted_label": "setosa", "true_label": "virginica"}
                ]}""".formatted(ROW)).withHeader("X-API-Key", FeedbackContractTest.API_KEY));

        assertJson(200, response);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) response.json().get("results");
        assertEquals(List.of(202, 400, 400), answers.stream().map(a -> ((Number) a.get("code")).intValue()).toList(),
                response.text());
        assertEquals(true, answers.get(0).get("bad_prediction"));
        assertTrue(((String) answers.get(1).get("message")).startsWith("this model classifies rows of numbers, not text"),
                response.text());
        assertTrue(((String) answers.get(2).get("message")).contains("\"sepal_width\" is missing"), response.text());
        FeedbackRecord stored = record((String) answers.get(0).get("feedback_id"));
        assertEquals(4, stored.features().size());
        assertEquals("versicolor", stored.trueLabel());
    }

    @Test
    void aRepeatedPredictionIdAnswersTheFirstFeedbackAndStoresOneRecord() {
        String body = "{\"features\": " + ROW + ", \"predicted_label\": \"versicolor\", \"true_label\": \"versicolor\", "
                + "\"prediction_id\": \"" + UUID.randomUUID() + "\"}";

        ContractResponse first = send(keyedFeedback(body));
        ContractResponse again = send(keyedFeedback(body));

        assertJson(202, first);
        assertEquals(first.json(), again.json());
        String id = feedbackId(first);
        assertEquals(1, records().stream().filter(r -> r.feedbackId().equals(id)).count());
    }

    @Test
    void everyThirdNewFeedbackRequestsOneRetrain() {
        int requested = 0;
        for (int i = 0; i < RETRAIN_EVERY; i++) {
            ContractResponse response = send(keyedFeedback("{\"features\": " + ROW + ", \"predicted_label\": \"setosa\", "
                    + "\"true_label\": \"versicolor\", \"prediction_id\": \"" + UUID.randomUUID() + "\"}"));
            assertJson(202, response);
            requested += Boolean.TRUE.equals(response.json().get("retrain_requested")) ? 1 : 0;
        }
        assertEquals(1, requested);
    }

    @Test
    void badFeaturesUnknownLabelsAndTextAreEach400() {
        assertError(400, "\"features\": \"petal_width\" is the string \"wide\", not a number; \"colour\" is not a "
                        + "feature of this model" + EXPECTS,
                send(keyedFeedback("{\"features\": {\"sepal_length\": 6.1, \"sepal_width\": 2.9, \"petal_length\": 4.7, "
                        + "\"petal_width\": \"wide\", \"colour\": 1}, \"predicted_label\": \"setosa\", \"true_label\": \"virginica\"}")));
        assertError(400, "\"true_label\" is \"rose\", not a label of the served model: send one of setosa, versicolor, virginica",
                send(keyedFeedback("{\"features\": " + ROW + ", \"predicted_label\": \"setosa\", \"true_label\": \"rose\"}")));
        assertError(400, "this model classifies rows of numbers, not text: send {\"features\": {\"sepal_length\": "
                        + "<number>, \"sepal_width\": <number>, \"petal_length\": <number>, \"petal_width\": <number>}} "
                        + "(GET /model lists all 4 features)",
                send(keyedFeedback("{\"text\": \"a blue flower\", \"predicted_label\": \"setosa\", \"true_label\": \"virginica\"}")));
        assertError(400, "missing field \"features\": this model classifies rows of numbers; send {\"features\": "
                        + "{\"sepal_length\": 1.5, ...}, \"predicted_label\": \"...\", \"true_label\": \"...\", "
                        + "\"prediction_id\": \"...\"} with every feature: sepal_length, sepal_width, petal_length, petal_width",
                send(keyedFeedback("{\"predicted_label\": \"setosa\", \"true_label\": \"virginica\"}")));
    }

    @Test
    void aFeedbackWithoutAKeyIs401() {
        ContractResponse response = send(ContractRequest.postJson("/feedback", "{\"features\": " + ROW
                + ", \"predicted_label\": \"setosa\", \"true_label\": \"virginica\"}"));
        assertEquals(401, response.status(), response.text());
    }

    private List<FeedbackRecord> records() {
        return new FeedbackReader(new LocalArtifactStore(store())).records();
    }

    private FeedbackRecord record(String feedbackId) {
        return records().stream().filter(r -> r.feedbackId().equals(feedbackId)).findFirst().orElseThrow();
    }
}
