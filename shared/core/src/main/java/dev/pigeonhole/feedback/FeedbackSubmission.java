package dev.pigeonhole.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** What a user sends to say how a text should have been classified (the body of POST /feedback). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record FeedbackSubmission(String text, String predictedLabel, String trueLabel,
                                 @Nullable String predictionId, @Nullable String modelVersion) {
}
