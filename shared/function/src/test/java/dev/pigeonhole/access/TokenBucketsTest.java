package dev.pigeonhole.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aCallerGetsItsBurstThenWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(0.5, 3), 100, now::get);

        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(2, buckets.take("a"), "one token takes 2 s at 0.5 per second");
        now.addAndGet(SECOND);
        assertEquals(1, buckets.take("a"), "half a token after 1 s: 1 s to go");
        now.addAndGet(SECOND);
        assertEquals(0, buckets.take("a"));
        assertEquals(2, buckets.take("a"));
    }

    @Test
    void callersHaveSeparateBuckets() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(1, 1), 100, now::get);

        assertEquals(0, buckets.take("a"));
        assertEquals(1, buckets.take("a"));
        assertEquals(0, buckets.take("b"));
    }

    @Test
    void aBucketNeverHoldsMoreThanItsBurst() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(10, 2), 100, now::get);
        buckets.take("a");
        now.addAndGet(3600 * SECOND);

        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(1, buckets.take("a"));
    }

    @Test
    void memoryIsBoundedByTheNumberOfCallersTracked() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(1, 5), 1_000, now::get);

        for (int i = 0; i < 100_000; i++) {
            buckets.take("10.0." + (i >> 8) + "." + (i & 255));
        }

        assertEquals(1_000, buckets.tracked());
    }

    @Test
    void idleBucketsThatRefilledAreDropped() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(1, 5), 1_000, now::get);
        for (int i = 0; i < 10; i++) {
            buckets.take("caller-" + i);
        }
        now.addAndGet(5 * SECOND);

        // Each insertion drops the least recently used bucket once it is full again.
        for (int i = 0; i < 10; i++) {
            buckets.take("new-" + i);
        }

        assertEquals(10, buckets.tracked());
    }

    @Test
    void aRateOfZeroLetsEverythingThrough() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(0, 0), 1, now::get);

        for (int i = 0; i < 1_000; i++) {
            assertEquals(0, buckets.take("a"));
        }
        assertTrue(buckets.disabled());
        assertEquals(0, buckets.tracked());
    }

    @Test
    void aLimitWithoutBurstOrWithANegativeRateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(Double.NaN, 5));
    }
}
