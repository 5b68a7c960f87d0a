package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the retrain job does so that exactly ⌊N/k⌋ retrain requests exist for N stored feedback records, whatever the
 * functions' best-effort counter ({@link RetrainCounter}) missed: it counts the records by listing their keys (one
 * listing call per 1,000 keys on S3, 5,000 on Azure, no read of a record) and creates, if absent, the request of every
 * multiple of k above the highest request there is, up to N.
 *
 * <p>Above the highest only: the requests the counter creates are k, 2k, ... up to its own count (it passes every
 * value once, and creates the request before it swaps), and those of earlier reconciliations are the next multiples up
 * to the N they saw, so the requests of one k have no gap below the highest. After a change of k, the old requests
 * stay and the new k goes on from the highest. A request is named by its count and created only if absent, so a
 * reconciliation racing the counter or another reconciliation never makes two of one count; and since a count is
 * never above the records stored (neither counts a record twice), no request runs ahead of the records.
 */
public final class RetrainRequestReconciler {

    private final ArtifactStore store;
    private final RetrainRequests requests;
    private final int retrainEvery;

    public RetrainRequestReconciler(ArtifactStore store, RetrainRequests requests, int retrainEvery) {
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("retrain every must be at least 1 feedback, got " + retrainEvery);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.retrainEvery = retrainEvery;
    }

    /** What a reconciliation found and did: the records counted, and the counts of the requests it created. */
    public record Reconciled(long records, List<Long> created) {
    }

    /** The number of stored feedback records: their keys, listed. */
    public long countRecords() {
        return store.list(FeedbackKeys.RECORDS_PREFIX).stream().filter(key -> key.endsWith(FeedbackKeys.JSON)).count();
    }

    /** Counts the records and creates the missing requests. */
    public Reconciled reconcile() {
        return reconcile(countRecords());
    }

    /** Creates the requests missing for {@code records} stored records. */
    public Reconciled reconcile(long records) {
        long highest = highestRequest();
        List<Long> created = new ArrayList<>();
        for (long multiple = (highest / retrainEvery + 1) * retrainEvery; multiple <= records; multiple += retrainEvery) {
            if (requests.create(multiple)) {
                created.add(multiple);
            }
        }
        return new Reconciled(records, List.copyOf(created));
    }

    /** The count of the highest request, from the keys alone (retrain-requests/<count>.json), or 0. */
    private long highestRequest() {
        long highest = 0;
        for (String key : store.list(FeedbackKeys.REQUESTS_PREFIX)) {
            String name = key.substring(FeedbackKeys.REQUESTS_PREFIX.length());
            if (name.indexOf('/') < 0 && name.endsWith(FeedbackKeys.JSON)) {
                String count = name.substring(0, name.length() - FeedbackKeys.JSON.length());
                if (!count.isEmpty() && count.chars().allMatch(Character::isDigit) && count.length() < 19) {
                    highest = Math.max(highest, Long.parseLong(count));
                }
            }
        }
        return highest;
    }
}
