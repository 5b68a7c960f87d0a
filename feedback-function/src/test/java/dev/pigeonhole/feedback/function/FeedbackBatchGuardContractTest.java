package dev.pigeonhole.feedback.function;

import static dev.pigeonhole.feedback.function.FeedbackContractTest.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.FunctionContract;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.PathSpellings;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.store.LocalArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The batch path meets the body limit and the caller's rate limit on every spelling the router takes for it, as
 * {@code /feedback} does: on every runtime (Netty, the Lambda handler, the Azure trigger), with a rate limit of a
 * few requests per client that no refill undoes during the test.
 */
class FeedbackBatchGuardContractTest extends FunctionContract {

    static final int BURST = 12;

    /** The key of a second client, whose bucket the rate-limit half of the test spends. */
    static final String SECOND_KEY = "batch-guard-second-key-7e21c0";

    /** The contract's properties with a burst of {@value #BURST} requests per client and almost no refill. */
    static Map<String, String> guardProperties(Path store) {
        Map<String, String> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put("pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry() + ",second:"
                + ApiKeys.sha256Hex(SECOND_KEY));
        properties.put("pigeonhole.feedback.rate-per-second", "0.0001");
        properties.put("pigeonhole.feedback.rate-burst", Integer.toString(BURST));
        return properties;
    }

    @Override
    protected Map<String, String> prepare(Path store) {
        ModelFixture.publish(store);
        return guardProperties(store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return FeedbackContractTest.AZURE;
    }

    private static List<String> spellings() {
        List<String> paths = new ArrayList<>(PathSpellings.of("/feedback/batch"));
        paths.add("/feedback/batch");
        return paths;
    }

    private static ContractRequest batch(String text, int items) {
        return batch(text, items, API_KEY);
    }

    private static ContractRequest batch(String text, int items, String key) {
        String item = "{\"text\": \"" + text + "\", \"predicted_label\": \"Science\", \"true_label\": \"Sport\"}";
        return ContractRequest.postJson("/feedback/batch", "{\"items\": [" + String.join(",", Collections.nCopies(items, item))
                + "]}").withHeader("X-API-Key", key);
    }

    private int records() {
        return new FeedbackReader(new LocalArtifactStore(store())).records().size();
    }

    private static void assertOneOf(Set<Integer> statuses, String path, ContractResponse response) {
        assertTrue(statuses.contains(response.status()), "POST " + path + " answered " + response.status() + " "
                + response.text());
        assertTrue(response.text().contains("\"status\":\"error\""), response.text());
    }

    @Test
    void theBodyLimitHoldsOnEverySpellingAndTheRateLimitThenOnEveryOne() {
        int before = records();
        ContractRequest oversized = batch("word ".repeat(100), 10);
        for (String path : spellings()) {
            assertOneOf(Set.of(404, 405, 413), path, send(oversized.withPath(path)));
        }
        assertEquals(413, send(oversized.withPath("/feedback/batch/")).status());
        assertEquals(before, records(), "nothing stored");

        // Another client spends its burst on small batches; then no spelling takes one more.
        for (int i = 0; i < BURST; i++) {
            ContractResponse accepted = send(batch("the team won the hockey game", 1, SECOND_KEY));
            assertEquals(200, accepted.status(), accepted.text());
        }
        int spent = records();
        for (String path : spellings()) {
            assertOneOf(Set.of(404, 405, 429), path,
                    send(batch("the team won the hockey game", 1, SECOND_KEY).withPath(path)));
        }
        ContractResponse limited = send(batch("the team won the hockey game", 1, SECOND_KEY).withPath("/feedback/batch/"));
        assertEquals(429, limited.status(), limited.text());
        assertEquals(spent, records(), "nothing stored over the limit");
    }
}
