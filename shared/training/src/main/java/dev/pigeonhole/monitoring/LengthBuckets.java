package dev.pigeonhole.monitoring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Buckets text lengths (in words) at the reference's deciles, so that PSI compares like with like. */
final class LengthBuckets {

    private final int[] upperBounds;

    private LengthBuckets(int[] upperBounds) {
        this.upperBounds = upperBounds;
    }

    /** Decile boundaries of the reference lengths (duplicates merged). */
    static LengthBuckets fromReference(List<Integer> lengths) {
        int[] sorted = lengths.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] bounds = new int[9];
        for (int d = 1; d <= 9; d++) {
            bounds[d - 1] = sorted[Math.min(sorted.length - 1, (int) Math.floor(d * sorted.length / 10.0))];
        }
        return new LengthBuckets(Arrays.stream(bounds).distinct().toArray());
    }

    Map<String, Long> counts(List<Integer> lengths) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i <= upperBounds.length; i++) {
            counts.put(name(i), 0L);
        }
        for (int length : lengths) {
            int bucket = 0;
            while (bucket < upperBounds.length && length > upperBounds[bucket]) {
                bucket++;
            }
            counts.merge(name(bucket), 1L, Long::sum);
        }
        return counts;
    }

    private String name(int bucket) {
        if (bucket == 0) {
            return "≤" + upperBounds[0];
        }
        if (bucket == upperBounds.length) {
            return ">" + upperBounds[upperBounds.length - 1];
        }
        return (upperBounds[bucket - 1] + 1) + "–" + upperBounds[bucket];
    }
}
