package dev.pigeonhole.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Caps what one caller can teach a retrain: each client keeps at most {@code maxShare} of all the feedback records, or
 * {@code minRecords}, whichever is more, its oldest first; the rest is left out and counted. The floor lets a small
 * deployment with one or two clients learn from them; the share stops one key from outvoting everyone once feedback
 * grows. Records without a client id were stored before callers had keys (the feedback function now always names the
 * client), so no caller can add to them: they are kept as they are.
 */
public record ClientShareCap(double maxShare, int minRecords) {

    public ClientShareCap {
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the largest share of one client must be in (0, 1], got " + maxShare);
        }
        if (minRecords < 0) {
            throw new IllegalArgumentException("the records every client may keep must be 0 or more, got " + minRecords);
        }
    }

    /** What the cap kept, in the order given, and how many records of each client it left out (clients sorted). */
    public record Capped(List<FeedbackRecord> kept, Map<String, Integer> leftOut) {

        public int leftOutTotal() {
            return leftOut.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The largest number of records one client keeps out of {@code total}. */
    public long limit(int total) {
        return Math.max(minRecords, (long) Math.ceil(maxShare * total - 1e-9));
    }

    /** Applies the cap to {@code records}, oldest first. */
    public Capped apply(List<FeedbackRecord> records) {
        long limit = limit(records.size());
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> leftOut = new TreeMap<>();
        List<FeedbackRecord> kept = new ArrayList<>();
        for (FeedbackRecord record : records) {
            String client = record.clientId();
            if (client == null) {
                kept.add(record);
            } else if (seen.merge(client, 1, Integer::sum) <= limit) {
                kept.add(record);
            } else {
                leftOut.merge(client, 1, Integer::sum);
            }
        }
        return new Capped(List.copyOf(kept), java.util.Collections.unmodifiableMap(leftOut));
    }
}
