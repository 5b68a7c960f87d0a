package dev.pigeonhole.feedback.function;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The feedback function's settings ({@code pigeonhole.feedback.*}): k, feedbacks per retrain request
 * (PIGEONHOLE_RETRAIN_EVERY), and the largest request body accepted.
 */
@ConfigurationProperties("pigeonhole.feedback")
public record FeedbackConfiguration(@Bindable(defaultValue = "100") int retrainEvery,
                                    @Bindable(defaultValue = "1048576") long maxBodyBytes) {
}
