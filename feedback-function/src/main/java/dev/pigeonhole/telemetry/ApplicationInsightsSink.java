package dev.pigeonhole.telemetry;

import com.microsoft.applicationinsights.TelemetryClient;
import com.microsoft.applicationinsights.telemetry.SeverityLevel;
import com.microsoft.applicationinsights.telemetry.TraceTelemetry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks bad predictions as Application Insights traces (message "Bad prediction", severity Warning).
 *
 * <p>applicationinsights-core 3.x only hands the trace to the Application Insights Java agent, which
 * queues it and sends it from its own thread; without the agent the call does nothing.
 */
public final class ApplicationInsightsSink implements BadPredictionSink {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationInsightsSink.class);

    private final TelemetryClient client;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    public ApplicationInsightsSink() {
        this(new TelemetryClient());
    }

    ApplicationInsightsSink(TelemetryClient client) {
        this.client = client;
    }

    @Override
    public void record(BadPrediction event) {
        try {
            TraceTelemetry trace = new TraceTelemetry(BadPrediction.MESSAGE, SeverityLevel.Warning);
            trace.getProperties().putAll(event.customDimensions());
            client.trackTrace(trace);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError too: a missing or mismatched applicationinsights-core must not fail a request.
            // Only the exception's type is logged: its message might quote the document text.
            if (failureReported.compareAndSet(false, true)) {
                LOG.warn("Cannot track a bad prediction in Application Insights ({}); it is dropped, "
                        + "and later failures are not logged", e.getClass().getName());
            }
        }
    }
}
