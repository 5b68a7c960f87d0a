package dev.pigeonhole.contract;

import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a function answers when its store holds no model, on every runtime: what both functions share (their health
 * endpoint); each function's subclass adds its own routes.
 */
public abstract class NoModelContract extends FunctionContract {

    @Test
    void healthIs503AndSaysToTrain() {
        ContractResponse response = send(ContractRequest.get("/health"));

        assertJson(503, response);
        Map<String, Object> body = response.json();
        assertEquals("error", body.get("status"));
        assertEquals(false, body.get("model_loaded"));
        String reason = (String) body.get("reason");
        assertTrue(reason.contains("no model published on channel 'production'") && reason.contains("./pigeonhole train"),
                reason);
        assertFalse(reason.contains("file:"), "the store's location is for the log only: " + reason);
    }
}
