package dev.pigeonhole.feedback.function.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The answer for one item of a batch: the status {@code POST /feedback} would have answered it ({@code code}), and
 * either what it answers when accepted (202) or the error message saying what to fix.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackBatchAnswer(int code, String status, @Nullable String feedbackId, @Nullable Boolean badPrediction,
                                  @Nullable Boolean retrainRequested, @Nullable String message) {

    public static FeedbackBatchAnswer accepted(FeedbackResponse response) {
        return new FeedbackBatchAnswer(202, "accepted", response.feedbackId(), response.badPrediction(),
                response.retrainRequested(), null);
    }

    public static FeedbackBatchAnswer refused(int code, String message) {
        return new FeedbackBatchAnswer(code, "error", null, null, null, message);
    }
}
