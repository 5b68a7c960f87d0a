package dev.pigeonhole.telemetry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.microsoft.applicationinsights.TelemetryClient;
import com.microsoft.applicationinsights.telemetry.SeverityLevel;
import com.microsoft.applicationinsights.telemetry.TraceTelemetry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationInsightsSinkTest {

    private static final BadPrediction EVENT =
            new BadPrediction("secret words " + "x".repeat(2_000), "comp.graphics", "sci.space", "v7", "fb-1");

    @Test
    void tracksOneWarningTraceNamedBadPredictionWithTheCustomDimensions() {
        List<TraceTelemetry> tracked = new ArrayList<>();
        TelemetryClient client = new TelemetryClient() {
            @Override
            public void trackTrace(TraceTelemetry telemetry) {
                tracked.add(telemetry);
            }
        };

        new ApplicationInsightsSink(client).record(EVENT);

        assertEquals(1, tracked.size());
        TraceTelemetry trace = tracked.get(0);
        assertEquals("Bad prediction", trace.getMessage());
        assertEquals(SeverityLevel.Warning, trace.getSeverityLevel());
        assertEquals(EVENT.customDimensions(), trace.getProperties());
    }

    @Test
    void withoutTheAgentRecordingDoesNothingAndDoesNotThrow() {
        assertDoesNotThrow(() -> new ApplicationInsightsSink().record(EVENT));
    }

    @Test
    void aFailingClientIsReportedOnceAtWarnWithoutTheTextAndNeverThrows() {
        TelemetryClient failing = new TelemetryClient() {
            @Override
            public void trackTrace(TraceTelemetry telemetry) {
                throw new IllegalStateException("cannot send " + telemetry.getProperties().get("text"));
            }
        };
        ApplicationInsightsSink sink = new ApplicationInsightsSink(failing);

        try (LogCapture log = new LogCapture(ApplicationInsightsSink.class)) {
            assertDoesNotThrow(() -> {
                sink.record(EVENT);
                sink.record(EVENT);
                sink.record(EVENT);
            });

            List<ILoggingEvent> events = log.events();
            assertEquals(1, events.size());
            assertEquals(Level.WARN, events.get(0).getLevel());
            assertFalse(events.get(0).getFormattedMessage().contains("secret"));
            assertEquals(null, events.get(0).getThrowableProxy());
        }
    }

    @Test
    void aMissingApplicationInsightsClassDoesNotEscape() {
        TelemetryClient broken = new TelemetryClient() {
            @Override
            public void trackTrace(TraceTelemetry telemetry) {
                throw new NoClassDefFoundError("com/microsoft/applicationinsights/internal/Something");
            }
        };

        assertDoesNotThrow(() -> new ApplicationInsightsSink(broken).record(EVENT));
    }
}
