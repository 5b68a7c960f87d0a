package dev.pigeonhole.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * What a user sends to say how a text (or, for a tabular model, a row of {@code features}) should have been classified
 * (the body of POST /feedback).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record FeedbackSubmission(String text, String predictedLabel, String trueLabel,
                                 @Nullable String predictionId, @Nullable String modelVersion,
                                 @Nullable Map<String, Object> features) {

    /** A text's feedback. */
    public FeedbackSubmission(String text, String predictedLabel, String trueLabel, @Nullable String predictionId,
                              @Nullable String modelVersion) {
        this(text, predictedLabel, trueLabel, predictionId, modelVersion, null);
    }
}
