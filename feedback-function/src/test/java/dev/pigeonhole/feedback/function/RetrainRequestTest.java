package dev.pigeonhole.feedback.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.feedback.RetrainRequest;
import dev.pigeonhole.feedback.RetrainRequests;
import dev.pigeonhole.store.LocalArtifactStore;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrainRequestTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        ModelFixture.publish(store);
        Map<String, String> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put("pigeonhole.feedback.retrain-every", "3");
        return properties;
    }

    @Test
    void withKThreeTheThirdFeedbackRequestsARetrainAndStoresTheRequest() {
        List<Object> retrainRequested = new ArrayList<>();
        for (String text : List.of("the team won", "the pitcher threw a game", "the coach praised the players")) {
            ContractResponse response = new NettyTransport(server).send(
                    FeedbackContractTest.feedback(text, "Sport", "Sport"));
            assertEquals(202, response.status(), response.text());
            retrainRequested.add(response.json().get("retrain_requested"));
        }

        assertEquals(List.of(false, false, true), retrainRequested);
        List<RetrainRequest> requests = new RetrainRequests(new LocalArtifactStore(store)).all();
        assertEquals(List.of(3L), requests.stream().map(RetrainRequest::feedbackCount).toList());
        assertEquals(List.of("retrain-requests/0000000003.json"), new LocalArtifactStore(store).list("retrain-requests/"));
    }
}
