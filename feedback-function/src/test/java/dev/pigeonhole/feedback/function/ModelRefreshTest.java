package dev.pigeonhole.feedback.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With refresh on, a warm feedback function checks labels against the version its channel moved to. */
class ModelRefreshTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String FEEDBACK = "{\"text\": \"the team won the game\", \"predicted_label\": \"Science\", "
            + "\"true_label\": \"Sport\"}";

    @TempDir
    Path store;

    @Test
    void aFunctionStartedWithoutModelAcceptsFeedbackOnceAVersionIsPublished() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "pigeonhole.store", "file:" + store, "pigeonhole.refresh-seconds", "1",
                "pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry()))) {
            NettyTransport http = new NettyTransport(server);
            assertEquals(503, http.send(FeedbackContractTest.keyedFeedback(FEEDBACK)).status());

            String version = ModelFixture.publish(store);

            awaitHealthy(http, version);
            ContractResponse accepted = http.send(FeedbackContractTest.keyedFeedback(FEEDBACK));
            assertEquals(202, accepted.status(), accepted.text());
        }
    }

    private static void awaitHealthy(NettyTransport http, String version) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String expected = "{\"status\":\"ok\",\"model_loaded\":true,\"model_version\":\"" + version + "\"}";
        while (!expected.equals(http.send(ContractRequest.get("/health")).text())) {
            if (System.nanoTime() > deadline) {
                fail("health did not report " + version + " within " + PATIENCE.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
