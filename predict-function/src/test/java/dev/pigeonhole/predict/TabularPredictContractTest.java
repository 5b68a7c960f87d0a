package dev.pigeonhole.predict;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.contract.ErrorAnswers.message;
import static dev.pigeonhole.predict.PredictContractTest.list;
import static dev.pigeonhole.predict.PredictContractTest.number;
import static dev.pigeonhole.predict.PredictContractTest.scores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.FunctionContract;
import dev.pigeonhole.contract.TabularModelFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of the predict function serving a tabular model (rows of numbers), written once against
 * {@link #send} so that Netty, AWS Lambda and Azure Functions are proven by the same tests.
 */
class TabularPredictContractTest extends FunctionContract {

    private static final String SETOSA = "{\"sepal_length\": 5.0, \"sepal_width\": 3.4, \"petal_length\": 1.5, \"petal_width\": 0.2}";
    private static final String VIRGINICA = "{\"sepal_length\": 6.6, \"sepal_width\": 3.0, \"petal_length\": 5.6, \"petal_width\": 2.1}";
    private static final String EXPECTS = ". This model expects every one of these features as a finite number: "
            + "sepal_length, sepal_width, petal_length, petal_width";

    private String version;

    @Override
    protected Map<String, String> prepare(Path store) {
        version = TabularModelFixture.publish(store);
        return PredictContractTest.contractProperties(store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return PredictContractTest.AZURE;
    }

    /** The version the test store's production channel serves. */
    protected String servedVersion() {
        return version;
    }

    @Test
    void predictClassifiesARowOfFeaturesWithEveryLabelScoredHighestFirst() {
        TabularModelFixture.TYPICAL.forEach((species, row) -> {
            ContractResponse response = send(ContractRequest.postJson("/predict", "{\"features\": " + json(row) + "}"));
            assertJson(200, response);
            Map<String, Object> body = response.json();
            assertEquals(species, body.get("category_name"), response.text());
            assertEquals(TabularModelFixture.LABELS.indexOf(species), number(body.get("prediction_class_id")));
            assertEquals(servedVersion(), body.get("model_version"));
            assertEquals("success", body.get("status"));
            assertEquals(List.of(), body.get("out_of_range"));
            List<Map<String, Object>> scores = scores(body);
            assertEquals(3, scores.size());
            assertEquals(species, scores.get(0).get("name"));
            double sum = 0;
            for (int i = 0; i < scores.size(); i++) {
                double value = ((Number) scores.get(i).get("value")).doubleValue();
                assertTrue(i == 0 || value <= ((Number) scores.get(i - 1).get("value")).doubleValue(), response.text());
                sum += value;
            }
            assertEquals(1.0, sum, 1e-6);
        });
    }

    @Test
    void aValueFarOutsideTheTrainingRangeIsClassifiedAndNamed() {
        ContractResponse response = send(ContractRequest.postJson("/predict", "{\"features\": {\"sepal_length\": 50, "
                + "\"sepal_width\": 3.4, \"petal_length\": 1.5, \"petal_width\": -3}}"));

        assertJson(200, response);
        assertEquals(List.of("sepal_length", "petal_width"), response.json().get("out_of_range"));
        assertTrue(TabularModelFixture.LABELS.contains(response.json().get("category_name")));
    }

    @Test
    void batchAnswersEveryRowInOrder() {
        ContractResponse response = send(ContractRequest.postJson("/predict/batch",
                "{\"rows\": [" + VIRGINICA + ", " + SETOSA + ", " + VIRGINICA + "]}"));

        assertJson(200, response);
        List<Map<String, Object>> predictions = list(response.json().get("predictions"));
        assertEquals(List.of("virginica", "setosa", "virginica"), predictions.stream().map(p -> p.get("category_name")).toList());
        assertEquals(3, predictions.stream().map(p -> p.get("prediction_id")).distinct().count());
    }

    @Test
    void missingUnknownNonNumericAndNonFiniteFeaturesAreEachNamed() {
        assertError(400, "\"features\": \"sepal_width\" is the string \"wide\", not a number; \"petal_length\" is null, "
                        + "not a number; \"petal_width\" is missing; \"colour\" is not a feature of this model" + EXPECTS,
                send(ContractRequest.postJson("/predict", "{\"features\": {\"sepal_length\": 5.0, \"sepal_width\": \"wide\", "
                        + "\"petal_length\": null, \"colour\": 2}}")));
        assertError(400, "\"features\": \"sepal_length\" is Infinity, not a finite number" + EXPECTS,
                send(ContractRequest.postJson("/predict", "{\"features\": {\"sepal_length\": 1e999, \"sepal_width\": 3.4, "
                        + "\"petal_length\": 1.5, \"petal_width\": 0.2}}")));
        assertError(400, "\"features\": \"sepal_length\" is a boolean, not a number" + EXPECTS,
                send(ContractRequest.postJson("/predict", "{\"features\": {\"sepal_length\": true, \"sepal_width\": 3.4, "
                        + "\"petal_length\": 1.5, \"petal_width\": 0.2}}")));
    }

    @Test
    void aBadRowInABatchIsNamedByItsPositionAndNothingIsClassified() {
        assertError(400, "\"rows[1]\": \"petal_width\" is missing" + EXPECTS,
                send(ContractRequest.postJson("/predict/batch", "{\"rows\": [" + SETOSA + ", {\"sepal_length\": 5.0, "
                        + "\"sepal_width\": 3.4, \"petal_length\": 1.5}]}")));
        assertError(400, "\"rows\" is empty: send between 1 and 100 rows",
                send(ContractRequest.postJson("/predict/batch", "{\"rows\": []}")));
    }

    @Test
    void textSentToATabularModelIs400SayingWhatItExpects() {
        String expected = "this model classifies rows of numbers, not text: send {\"features\": {\"sepal_length\": "
                + "<number>, \"sepal_width\": <number>, \"petal_length\": <number>, \"petal_width\": <number>}} "
                + "(GET /model lists all 4 features)";
        assertError(400, expected, send(ContractRequest.postJson("/predict", "{\"text\": \"a blue flower\"}")));
        assertError(400, expected, send(ContractRequest.postJson("/predict/batch", "{\"texts\": [\"a blue flower\"]}")));
    }

    @Test
    void aBodyWithoutFeaturesSaysWhichFeaturesToSend() {
        assertError(400, "missing field \"features\": this model classifies rows of numbers; send {\"features\": "
                        + "{\"sepal_length\": 1.5, ...}} with every feature: sepal_length, sepal_width, petal_length, petal_width",
                send(ContractRequest.postJson("/predict", "{}")));
        assertError(400, "send either \"text\" (a text model) or \"features\" (a tabular model), not both",
                send(ContractRequest.postJson("/predict", "{\"text\": \"x\", \"features\": " + SETOSA + "}")));
    }

    @Test
    void modelListsTheFeaturesInOrderWithTheirRanges() {
        ContractResponse response = send(ContractRequest.get("/model"));

        assertJson(200, response);
        Map<String, Object> manifest = response.json();
        assertEquals(servedVersion(), manifest.get("version"));
        assertEquals(TabularModelFixture.LABELS, manifest.get("labels"));
        assertEquals("random-forest", manifest.get("algorithm"));
        List<Map<String, Object>> features = list(manifest.get("features"));
        assertEquals(TabularModelFixture.FEATURES, features.stream().map(f -> f.get("name")).toList());
        Map<String, Object> petalLength = features.get(2);
        assertEquals(1.3, ((Number) petalLength.get("min")).doubleValue(), 1e-9);
        assertEquals(5.8, ((Number) petalLength.get("max")).doubleValue(), 1e-9);
        assertTrue(((List<?>) petalLength.get("bin_shares")).size() >= 2, response.text());
        assertEquals(List.of("confusion-matrix.svg", "metrics.json", "model.json", "report.md", "trees.bin"),
                list(manifest.get("files")).stream().map(f -> f.get("name")).sorted().toList());
    }

    @Test
    void uploadingADocumentToATabularModelIs400() {
        ContractResponse response = send(ContractRequest.upload("file", "note.txt", "text/plain",
                "a blue flower".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(400, response.status(), response.text());
        assertTrue(message(response).startsWith("this model classifies rows of numbers, not text"),
                response.text());
    }

    private static String json(Map<String, Object> row) {
        StringBuilder out = new StringBuilder("{");
        row.forEach((name, value) -> out.append(out.length() > 1 ? ", " : "").append('"').append(name).append("\": ")
                .append(value));
        return out.append('}').toString();
    }
}
