package dev.pigeonhole.access;

import java.util.Locale;

/** A token-bucket size: {@code perSecond} requests per second on average, up to {@code burst} at once; 0 disables. */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate limit must be 0 (no limit) or a positive number of requests "
                    + "per second, got " + perSecond);
        }
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a rate limit of %s per second needs a burst of at least 1 request, got %d", perSecond, burst));
        }
    }

    public boolean disabled() {
        return perSecond == 0;
    }
}
