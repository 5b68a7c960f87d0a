package dev.pigeonhole.feedback.function;

import dev.pigeonhole.telemetry.BadPredictionSink;
import dev.pigeonhole.telemetry.BadPredictionSinks;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Provides where bad predictions go: the log, and Application Insights when its connection string is set. */
@Factory
final class BadPredictionSinkFactory {

    @Singleton
    BadPredictionSink badPredictionSink() {
        return BadPredictionSinks.fromEnvironment();
    }
}
