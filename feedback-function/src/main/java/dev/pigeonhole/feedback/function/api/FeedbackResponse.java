package dev.pigeonhole.feedback.function.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Answer of {@code POST /feedback}: the stored record's id, whether the prediction was wrong, whether it asked to retrain. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record FeedbackResponse(String feedbackId, boolean badPrediction, boolean retrainRequested) {
}
