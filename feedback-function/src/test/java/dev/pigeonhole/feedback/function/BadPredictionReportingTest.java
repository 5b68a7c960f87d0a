package dev.pigeonhole.feedback.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.telemetry.BadPrediction;
import dev.pigeonhole.telemetry.BadPredictionSink;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadPredictionReportingTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    @Inject
    EmbeddedServer server;

    @Inject
    BadPredictionSink sink;

    @Override
    public Map<String, String> getProperties() {
        ModelFixture.publish(store);
        Map<String, String> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put(RecordingSink.ENABLED, "true");
        return properties;
    }

    @BeforeEach
    void forgetEarlierReports() {
        recording().clear();
    }

    @Test
    void aWrongPredictionIsReportedOnceWithItsFeedback() {
        ContractResponse response = post("""
                {"text": "the telescope observed the planet", "predicted_label": "Sport", "true_label": "Science",
                 "prediction_id": "p-wrong-1", "model_version": "v20260101-000000-001"}""");

        assertEquals(202, response.status(), response.text());
        assertEquals(List.of(new BadPrediction("the telescope observed the planet", "Sport", "Science",
                "v20260101-000000-001", (String) response.json().get("feedback_id"))), recording().recorded());
    }

    @Test
    void aWrongPredictionWithoutModelVersionIsReportedWithTheUnknownVersion() {
        ContractResponse response = post("""
                {"text": "the compiler crashed", "predicted_label": "Science", "true_label": "Informatique"}""");

        assertEquals(202, response.status(), response.text());
        assertEquals(List.of(new BadPrediction("the compiler crashed", "Science", "Informatique",
                BadPrediction.UNKNOWN_VERSION, (String) response.json().get("feedback_id"))), recording().recorded());
    }

    @Test
    void aRightPredictionIsNotReported() {
        ContractResponse response = post("""
                {"text": "the team won the game", "predicted_label": "Sport", "true_label": "Sport"}""");

        assertEquals(202, response.status(), response.text());
        assertEquals(List.of(), recording().recorded());
    }

    @Test
    void aRepeatedPredictionIdIsReportedOnlyTheFirstTime() {
        String body = """
                {"text": "the rocket reached orbit", "predicted_label": "Informatique", "true_label": "Science",
                 "prediction_id": "p-repeated"}""";

        post(body);
        post(body);

        assertEquals(1, recording().recorded().size());
    }

    @Test
    void refusedFeedbackIsNotReported() {
        ContractResponse response = post("""
                {"text": "the chef baked a cake", "predicted_label": "Sport", "true_label": "Cooking"}""");

        assertEquals(400, response.status(), response.text());
        assertEquals(List.of(), recording().recorded());
    }

    private RecordingSink recording() {
        return (RecordingSink) sink;
    }

    private ContractResponse post(String json) {
        return new NettyTransport(server).send(FeedbackContractTest.keyedFeedback(json));
    }
}
