package dev.pigeonhole.feedback.function;

import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.contract.ErrorAnswers.message;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.NoModelContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the feedback function answers when its store holds no model, on every runtime (see {@link FeedbackContractTest}). */
class NoModelContractTest extends NoModelContract {

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
    void feedbackIs503WithTheReasonSinceNoLabelsCanBeChecked() {
        ContractResponse response = send(FeedbackContractTest.feedback("the team won the game", "Sport", "Sport"));

        assertJson(503, response);
        String message = message(response);
        assertTrue(message.startsWith("no model is loaded: no model published on channel 'production'")
                && message.endsWith("; run ./pigeonhole train"), message);
    }
}
