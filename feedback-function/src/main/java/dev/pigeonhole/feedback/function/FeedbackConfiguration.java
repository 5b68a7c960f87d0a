package dev.pigeonhole.feedback.function;

import dev.pigeonhole.access.RateLimit;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The feedback function's settings ({@code pigeonhole.feedback.*}): k, feedbacks per retrain request
 * (PIGEONHOLE_RETRAIN_EVERY), the largest request body accepted, the longest text a feedback may carry, and each
 * client's rate limit (requests per second on average and at once; 0 per second: no limit).
 */
@ConfigurationProperties("pigeonhole.feedback")
public record FeedbackConfiguration(@Bindable(defaultValue = "100") int retrainEvery,
                                    @Bindable(defaultValue = "1048576") long maxBodyBytes,
                                    @Bindable(defaultValue = "2") double ratePerSecond,
                                    @Bindable(defaultValue = "60") int rateBurst,
                                    @Bindable(defaultValue = "20000") int maxTextCharacters) {

    public FeedbackConfiguration {
        if (maxTextCharacters < 1) {
            throw new IllegalArgumentException("pigeonhole.feedback.max-text-characters must be at least 1, got "
                    + maxTextCharacters);
        }
    }

    public RateLimit rateLimit() {
        return new RateLimit(ratePerSecond, rateBurst);
    }
}
