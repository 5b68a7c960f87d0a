package dev.pigeonhole.feedback.function;

import dev.pigeonhole.feedback.FeedbackRecorder;
import dev.pigeonhole.serving.ServingConfiguration;
import dev.pigeonhole.store.StoreLocation;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Provides the recorder that stores feedback in the configured store and requests a retrain every k feedbacks. */
@Factory
final class FeedbackRecorderFactory {

    @Singleton
    FeedbackRecorder feedbackRecorder(ServingConfiguration serving, FeedbackConfiguration feedback) {
        return new FeedbackRecorder(StoreLocation.open(serving.storeSpec()), feedback.retrainEvery(), Clock.systemUTC());
    }
}
