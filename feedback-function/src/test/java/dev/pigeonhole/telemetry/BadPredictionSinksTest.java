package dev.pigeonhole.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadPredictionSinksTest {

    private static final String CONNECTION =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    @Test
    void withoutAConnectionStringBadPredictionsGoToTheLogOnly() {
        assertInstanceOf(LogSink.class, BadPredictionSinks.fromEnvironment(Map.of()));
    }

    @Test
    void aBlankConnectionStringCountsAsUnset() {
        assertInstanceOf(LogSink.class,
                BadPredictionSinks.fromEnvironment(Map.of("APPLICATIONINSIGHTS_CONNECTION_STRING", "  ")));
    }

    @Test
    void withAConnectionStringBadPredictionsGoToTheLogAndApplicationInsights() {
        BadPredictionSink sink = BadPredictionSinks.fromEnvironment(
                Map.of("APPLICATIONINSIGHTS_CONNECTION_STRING", CONNECTION));

        List<BadPredictionSink> sinks = assertInstanceOf(FanOutSink.class, sink).sinks();
        assertEquals(2, sinks.size());
        assertInstanceOf(LogSink.class, sinks.get(0));
        assertInstanceOf(ApplicationInsightsSink.class, sinks.get(1));
    }

    @Test
    void theAgentIsNotSeenAsAttachedInAPlainTestJvm() {
        assertFalse(BadPredictionSinks.agentAttached());
    }
}
