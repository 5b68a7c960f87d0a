package dev.pigeonhole.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Who may call and how callers are told apart ({@code pigeonhole.access.*}): the hashed API keys
 * (PIGEONHOLE_API_KEYS), how many proxies in front of the function append to {@code X-Forwarded-For} (0: the header
 * is ignored, since any client can send it), and how many callers the rate limiters track at most.
 */
@ConfigurationProperties("pigeonhole.access")
public record AccessConfiguration(@Nullable String apiKeys,
                                  @Bindable(defaultValue = "0") int forwardedForHops,
                                  @Bindable(defaultValue = "10000") int trackedCallers) {

    public AccessConfiguration {
        if (forwardedForHops < 0) {
            throw new IllegalArgumentException("pigeonhole.access.forwarded-for-hops is " + forwardedForHops
                    + ": use 0 to ignore X-Forwarded-For, or the number of proxies in front of the function");
        }
        if (trackedCallers < 1) {
            throw new IllegalArgumentException("pigeonhole.access.tracked-callers must be at least 1, got " + trackedCallers);
        }
    }
}
