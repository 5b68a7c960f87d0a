package dev.pigeonhole.predict;

import dev.pigeonhole.access.RateLimit;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Who may ask for predictions ({@code pigeonhole.predict.*}): whether an API key is required (by default a key is
 * optional, and a wrong one is refused), each source address's rate limit on JSON predictions, and its separate, lower
 * one on uploads, which cost far more to serve (requests per second on average and at once; 0 per second: no limit).
 */
@ConfigurationProperties("pigeonhole.predict")
public record PredictAccessConfiguration(@Bindable(defaultValue = "false") boolean requireApiKey,
                                         @Bindable(defaultValue = "50") double ratePerSecond,
                                         @Bindable(defaultValue = "200") int rateBurst,
                                         @Bindable(defaultValue = "1") double uploadRatePerSecond,
                                         @Bindable(defaultValue = "10") int uploadRateBurst) {

    public RateLimit rateLimit() {
        return new RateLimit(ratePerSecond, rateBurst);
    }

    public RateLimit uploadRateLimit() {
        return new RateLimit(uploadRatePerSecond, uploadRateBurst);
    }
}
