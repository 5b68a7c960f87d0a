package dev.pigeonhole.feedback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Caps what one caller can teach a retrain: each client keeps at most L records, its oldest first, and the rest is
 * left out and counted. L is the largest number such that a client keeping L holds no more than {@code maxShare} of
 * what is kept, L ≤ maxShare × Σ min(n_c, L) over the clients' record counts n_c (water-filling), or
 * {@code minRecords}, whichever is more. Unlike a share of all records, L cannot be raised by flooding: a client's
 * records beyond L add nothing to the sum. The floor lets a deployment with one or two clients learn from them.
 * Records without a client id (stored before callers had keys) count as one client.
 */
public record ClientShareCap(double maxShare, int minRecords) {

    /** The name the records without a client id are counted under. */
    public static final String NO_CLIENT_ID = "(no client id)";

    public ClientShareCap {
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the largest share of one client must be in (0, 1], got " + maxShare);
        }
        if (minRecords < 0) {
            throw new IllegalArgumentException("the records every client may keep must be 0 or more, got " + minRecords);
        }
    }

    /** What the cap kept, in the order given, how many records of each client it left out (sorted), and its limit. */
    public record Capped(List<FeedbackRecord> kept, Map<String, Integer> leftOut, long limit) {

        /** Nothing capped: {@code kept} as given. */
        public static Capped none(List<FeedbackRecord> kept) {
            return new Capped(List.copyOf(kept), Map.of(), Long.MAX_VALUE);
        }

        public int leftOutTotal() {
            return leftOut.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The largest number of records one client keeps, given each client's record count. */
    public long limit(Collection<Integer> countsPerClient) {
        long[] counts = countsPerClient.stream().mapToLong(Integer::longValue).toArray();
        // f(L) = share × Σ min(n_c, L) − L is concave with f(0) = 0, so the L with f(L) ≥ 0 are 0..L*: bisect.
        long low = 0;
        long high = 0;
        for (long count : counts) {
            high = Math.max(high, count); // at the largest count nobody is capped
        }
        while (low < high) {
            long middle = (low + high + 1) >>> 1;
            if (fits(middle, counts)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return Math.max(minRecords, low);
    }

    private boolean fits(long limit, long[] counts) {
        long kept = 0;
        for (long count : counts) {
            kept += Math.min(count, limit);
        }
        // The tolerance keeps products such as 0.7 × 10 = 7.000000000000001 from deciding the answer.
        return limit <= maxShare * kept + 1e-9;
    }

    /** Applies the cap to {@code records}, oldest first. */
    public Capped apply(List<FeedbackRecord> records) {
        Map<String, Integer> counts = new HashMap<>();
        for (FeedbackRecord record : records) {
            counts.merge(clientOf(record), 1, Integer::sum);
        }
        long limit = limit(counts.values());
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> leftOut = new TreeMap<>();
        List<FeedbackRecord> kept = new ArrayList<>();
        for (FeedbackRecord record : records) {
            String client = clientOf(record);
            if (seen.merge(client, 1, Integer::sum) <= limit) {
                kept.add(record);
            } else {
                leftOut.merge(client, 1, Integer::sum);
            }
        }
        return new Capped(List.copyOf(kept), Collections.unmodifiableMap(leftOut), limit);
    }

    private static String clientOf(FeedbackRecord record) {
        return record.clientId() == null ? NO_CLIENT_ID : record.clientId();
    }
}
