package dev.pigeonhole.feedback.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.FunctionContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the feedback function answers when its store holds no model, on every runtime (see {@link FeedbackContractTest}). */
class NoModelContractTest extends FunctionContract {

    private static final AzureEntryPoint AZURE = FeedbackContractTest.AZURE;

    @Override
    protected Map<String, String> prepare(Path store) {
        return Map.of("pigeonhole.store", "file:" + store,
                "pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry());
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return FeedbackContractTest.AZURE;
    }

    @Test
    void healthIs503AndSaysToTrain() {
        ContractResponse response = send(ContractRequest.get("/health"));

        FeedbackContractTest.assertJson(503, response);
        Map<String, Object> body = response.json();
        assertEquals("error", body.get("status"));
        assertEquals(false, body.get("model_loaded"));
        String reason = (String) body.get("reason");
        assertTrue(reason.contains("no model published on channel 'production'") && reason.contains("./pigeonhole train"),
                reason);
        assertFalse(reason.contains("file:"), "the store's location is for the log only: " + reason);
    }

    @Test
    void feedbackIs503WithTheReasonSinceNoLabelsCanBeChecked() {
        ContractResponse response = send(FeedbackContractTest.feedback("the team won the game", "Sport", "Sport"));

        FeedbackContractTest.assertJson(503, response);
        String message = FeedbackContractTest.message(response);
        assertTrue(message.startsWith("no model is loaded: no model published on channel 'production'")
                && message.endsWith("; run ./pigeonhole train"), message);
    }
}
