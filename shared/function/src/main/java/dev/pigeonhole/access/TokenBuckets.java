package dev.pigeonhole.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller (a client id or a source address): {@code burst} requests at once, refilled at
 * {@code perSecond}. Memory is bounded: at most {@code maxCallers} buckets are kept, the least recently used dropped
 * first, and a bucket idle long enough to be full again is dropped on the next insertion (a new bucket is full too,
 * so dropping it changes nothing).
 */
public final class TokenBuckets {

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final double perSecond;
    private final double burst;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    /** {@code perSecond} 0 disables the limit. */
    public TokenBuckets(RateLimit limit, int maxCallers, LongSupplier nanoTime) {
        if (maxCallers < 1) {
            throw new IllegalArgumentException("the limiter must track at least 1 caller, got " + maxCallers);
        }
        this.perSecond = limit.perSecond();
        this.burst = limit.burst();
        this.refillNanos = limit.disabled() ? 0 : (long) Math.ceil(burst / perSecond * 1e9);
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxCallers || nanoTime.getAsLong() - eldest.getValue().updatedNanos >= refillNanos;
            }
        };
    }

    public TokenBuckets(RateLimit limit, int maxCallers) {
        this(limit, maxCallers, System::nanoTime);
    }

    /** True when no limit applies. */
    public boolean disabled() {
        return perSecond == 0;
    }

    /**
     * Takes one token from {@code caller}'s bucket: 0 when the request may go ahead, otherwise the whole seconds to
     * wait until a token is there (at least 1), for {@code Retry-After}.
     */
    public long take(String caller) {
        if (disabled()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(caller);
            if (bucket == null) {
                buckets.put(caller, new Bucket(burst - 1, now));
                return 0;
            }
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * perSecond / 1e9);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    /** How many callers have a bucket now (for tests of the memory bound). */
    public int tracked() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
