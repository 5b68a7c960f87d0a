package dev.pigeonhole.predict;

import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.contract.ErrorAnswers.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.NoModelContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the predict function answers when its store holds no model, on every runtime (see {@link PredictContractTest}). */
class NoModelContractTest extends NoModelContract {

    private static final AzureEntryPoint AZURE = PredictContractTest.AZURE;

    @Override
    protected Map<String, String> prepare(Path store) {
        return Map.of("pigeonhole.store", "file:" + store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return PredictContractTest.AZURE;
    }

    @Test
    void predictIs503WithTheReason() {
        ContractResponse response = send(ContractRequest.postJson("/predict", "{\"text\": \"the team won the game\"}"));

        assertNoModel(response);
    }

    @Test
    void batchIs503WithTheReason() {
        assertNoModel(send(ContractRequest.postJson("/predict/batch", "{\"texts\": [\"the team won the game\"]}")));
    }

    @Test
    void uploadIs503WithTheReason() {
        assertNoModel(send(ContractRequest.upload("file", "match.txt", "text/plain", "the team won".getBytes(UTF_8))));
    }

    @Test
    void modelIs503WithTheReason() {
        assertNoModel(send(ContractRequest.get("/model")));
    }

    @Test
    void modelReportIs503WithTheReason() {
        assertNoModel(send(ContractRequest.get("/model/report/metrics.json")));
    }

    private static void assertNoModel(ContractResponse response) {
        assertJson(503, response);
        String message = message(response);
        assertTrue(message.startsWith("no model is loaded: no model published on channel 'production'")
                && message.endsWith("; run ./pigeonhole train"), message);
    }
}
