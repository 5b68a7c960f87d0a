package dev.pigeonhole.feedback.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.contract.TabularModelFixture;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A wrong prediction of a tabular model becomes a Bad prediction trace carrying the row's features. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TabularBadPredictionReportingTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    @Inject
    EmbeddedServer server;

    @Inject
    BadPredictionSink sink;

    @Override
    public Map<String, String> getProperties() {
        TabularModelFixture.publish(store);
        Map<String, String> properties = new HashMap<>(FeedbackContractTest.contractProperties(store));
        properties.put(RecordingSink.ENABLED, "true");
        return properties;
    }

    @Test
    void theTraceCarriesTheFeaturesAsADimension() {
        ContractResponse response = new NettyTransport(server).send(FeedbackContractTest.keyedFeedback("""
                {"features": {"sepal_length": 6.1, "sepal_width": 2.9, "petal_length": 4.7, "petal_width": 1.4},
                 "predicted_label": "virginica", "true_label": "versicolor", "prediction_id": "p-1", "model_version": "v1"}"""));

        assertEquals(202, response.status(), response.text());
        List<BadPrediction> recorded = ((RecordingSink) sink).recorded();
        assertEquals(1, recorded.size());
        Map<String, String> dimensions = recorded.get(0).customDimensions();
        assertEquals("{\"sepal_length\":6.1,\"sepal_width\":2.9,\"petal_length\":4.7,\"petal_width\":1.4}",
                dimensions.get("features"));
        assertEquals("sepal_length=6.1, sepal_width=2.9, petal_length=4.7, petal_width=1.4", dimensions.get("text"));
        assertEquals("virginica", dimensions.get("predicted_label"));
        assertEquals("versicolor", dimensions.get("true_label"));
        assertEquals("v1", dimensions.get("model_version"));
    }
}
