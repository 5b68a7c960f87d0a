package dev.pigeonhole.predict;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.FunctionContract;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.PathSpellings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where predictions need a key, no spelling of a prediction or upload path gets one without it, and the body limits
 * hold on every spelling: on every runtime (see {@link PredictContractTest}).
 */
class KeyRequiredContractTest extends FunctionContract {

    private static final AzureEntryPoint AZURE = PredictContractTest.AZURE;

    @Override
    protected Map<String, String> prepare(Path store) {
        ModelFixture.publish(store);
        return keyRequiredProperties(store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return PredictContractTest.AZURE;
    }

    static final String KEY = "key-required-contract-4c1d9e";

    static Map<String, String> keyRequiredProperties(Path store) {
        Map<String, String> properties = new HashMap<>(PredictContractTest.contractProperties(store));
        properties.put("pigeonhole.access.api-keys", "contract:" + ApiKeys.sha256Hex(KEY));
        properties.put("pigeonhole.predict.require-api-key", "true");
        return properties;
    }

    private static ContractRequest upload() {
        return ContractRequest.upload("file", "match.txt", "text/plain", "the team won the game".getBytes(UTF_8));
    }

    @Test
    void noSpellingOfAPredictionOrUploadPathAnswersWithoutAKey() {
        Map<String, ContractRequest> requests = Map.of(
                "/predict", ContractRequest.postJson("/predict", "{\"text\": \"the team won the game\"}"),
                "/predict/batch", ContractRequest.postJson("/predict/batch", "{\"texts\": [\"the team won the game\"]}"),
                "/upload", upload());
        requests.forEach((path, request) -> {
            List<String> spellings = new ArrayList<>(PathSpellings.of(path));
            spellings.add(path);
            for (String spelling : spellings) {
                for (String method : PathSpellings.METHODS) {
                    PathSpellings.assertRefused(method, spelling, send(PathSpellings.as(method, request.withPath(spelling))));
                }
            }
        });
    }

    @Test
    void aTrailingSlashReachesTheUploadOnlyWithAKey() {
        assertError(401, "prediction needs an API key: send it in the X-API-Key header",
                send(upload().withPath("/upload/")));
        assertJson(200, send(upload().withPath("/upload/").withHeader("X-API-Key", KEY)));
    }

    @Test
    void theJsonBodyLimitHoldsOnATrailingSlash() {
        String text = "word ".repeat((int) PredictContractTest.MAX_BODY_BYTES / 5 + 10);
        assertError(413, PredictBodyLimitFilter.tooLargeMessage(PredictContractTest.MAX_BODY_BYTES),
                send(ContractRequest.postJson("/predict/", "{\"text\": \"" + text + "\"}").withHeader("X-API-Key", KEY)));
    }

    @Test
    void theUploadBodyLimitHoldsOnATrailingSlash() {
        byte[] document = "word ".repeat((int) (PredictContractTest.MAX_UPLOAD_BYTES
                + PredictBodyLimitFilter.MULTIPART_ENVELOPE_BYTES) / 5 + 10).getBytes(UTF_8);
        assertError(413, PredictBodyLimitFilter.uploadTooLargeMessage(PredictContractTest.MAX_UPLOAD_BYTES),
                send(ContractRequest.upload("file", "long.txt", "text/plain", document).withPath("/upload/")
                        .withHeader("X-API-Key", KEY)));
    }
}
