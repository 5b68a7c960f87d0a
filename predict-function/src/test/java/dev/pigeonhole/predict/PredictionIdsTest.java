package dev.pigeonhole.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Prediction ids cannot be guessed: the attack that predicts the next id of a thread drawn from ThreadLocalRandom (whose
 * output is an invertible mix of a seed that advances by a per-thread constant, learnt from two ids) finds nothing.
 */
class PredictionIdsTest {

    private static final long M1 = 0xff51afd7ed558ccdL;
    private static final long M2 = 0xc4ceb9fe1a85ec53L;

    @Test
    void theNextIdCannotBeComputedFromTheOneBefore() {
        PredictionIds ids = new PredictionIds();
        for (int round = 0; round < 20; round++) {
            UUID first = UUID.fromString(ids.next());
            UUID second = UUID.fromString(ids.next());
            UUID third = UUID.fromString(ids.next());
            assertFalse(predicted(first, second).contains(third.getMostSignificantBits()),
                    "the third id was predicted from the two before: " + first + ", " + second + ", " + third);
        }
    }

    @Test
    void theAttackWorksOnIdsDrawnFromThreadLocalRandom() {
        // Proof that the test above can fail: the generator prediction ids came from before.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        UUID[] drawn = new UUID[3];
        for (int i = 0; i < drawn.length; i++) {
            long most = (random.nextLong() & ~0xF000L) | 0x4000L;
            long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            drawn[i] = new UUID(most, least);
        }

        assertEquals(true, predicted(drawn[0], drawn[1]).contains(drawn[2].getMostSignificantBits()));
    }

    @Test
    void idsAreVersionFourUuids() {
        PredictionIds ids = new PredictionIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            UUID id = UUID.fromString(ids.next());
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            seen.add(id.toString());
        }
        assertEquals(1_000, seen.size());
    }

    /**
     * The most significant bits the id after {@code first} and {@code second} would have, were they drawn from
     * ThreadLocalRandom: each id takes two steps of the seed, so the seed of the next one is 2 × second − first. The
     * four bits the version overwrote are tried in all 16 values.
     */
    private static Set<Long> predicted(UUID first, UUID second) {
        Set<Long> candidates = new HashSet<>();
        for (long a = 0; a < 16; a++) {
            long seed1 = unmix((first.getMostSignificantBits() & ~0xF000L) | (a << 12));
            for (long b = 0; b < 16; b++) {
                long seed3 = unmix((second.getMostSignificantBits() & ~0xF000L) | (b << 12));
                candidates.add((mix(2 * seed3 - seed1) & ~0xF000L) | 0x4000L);
            }
        }
        return candidates;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * M1;
        z = (z ^ (z >>> 33)) * M2;
        return z ^ (z >>> 33);
    }

    private static long unmix(long z) {
        z = z ^ (z >>> 33);
        z = (z * inverse(M2));
        z = z ^ (z >>> 33);
        z = (z * inverse(M1));
        return z ^ (z >>> 33);
    }

    /** The inverse of odd {@code a} modulo 2^64 (Newton's iteration). */
    private static long inverse(long a) {
        long x = a;
        for (int i = 0; i < 6; i++) {
            x *= 2 - a * x;
        }
        return x;
    }
}
