package dev.pigeonhole.feedback.function;

import dev.pigeonhole.telemetry.BadPrediction;
import dev.pigeonhole.telemetry.BadPredictionSink;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the bad predictions it is given, in place of the log and Application Insights, for tests that ask for it. */
@Singleton
@Replaces(BadPredictionSink.class)
@Requires(property = RecordingSink.ENABLED, value = "true")
final class RecordingSink implements BadPredictionSink {

    static final String ENABLED = "pigeonhole.test.recording-sink";

    private final List<BadPrediction> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void record(BadPrediction event) {
        recorded.add(event);
    }

    List<BadPrediction> recorded() {
        return List.copyOf(recorded);
    }

    void clear() {
        recorded.clear();
    }
}
