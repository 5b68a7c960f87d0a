package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts stored feedback records on {@code feedback/counter.json} and creates the retrain request of every k-th, as a
 * best effort that never fails nor holds up a request for long: the counter is a hint that lets a request say at once
 * that it crossed a multiple of k; the retrain job counts the records themselves and creates whatever request the
 * counter missed ({@link RetrainRequestReconciler}).
 *
 * <p>Group commit: the requests of one function instance that arrive while a counter update is under way are counted
 * together by the next one, so an instance has at most one update in flight, whatever its load, and a batch of
 * feedback is one counting step. An update takes at most {@code maxAttempts} compare-and-swaps within {@code budget}
 * (at least one); when it fails (other instances kept winning, or the store failed), its members are answered "not
 * counted" and the count is carried into this instance's next update. Counts carried by an instance that stops are
 * lost to the counter only: the records are stored, and the job counts them.
 *
 * <p>Why the counter never counts a record twice, so that a request it creates never runs ahead of the records: only
 * the writer that created a record counts it, each update adds only records not yet added, and when n in (c, c + m]
 * is a multiple of k, the request is created before the swap from c to c + m, with c + m ≤ the records stored (the
 * m being counted are stored and not among the c).
 */
public final class RetrainCounter {

    /** How long one counting step may try, and how many compare-and-swaps, by default. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(250);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(RetrainCounter.class);

    private final ArtifactStore store;
    private final int retrainEvery;
    private final RetrainRequests requests;
    private final long budgetNanos;
    private final int maxAttempts;

    private final Object lock = new Object();
    private Group open;
    private boolean updating;
    private long carried;

    public RetrainCounter(ArtifactStore store, int retrainEvery, RetrainRequests requests, Duration budget,
                          int maxAttempts) {
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("retrain every must be at least 1 feedback, got " + retrainEvery);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a counting step needs at least 1 attempt, got " + maxAttempts);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.retrainEvery = retrainEvery;
        this.requests = Objects.requireNonNull(requests, "requests");
        this.budgetNanos = budget.toNanos();
        this.maxAttempts = maxAttempts;
    }

    /** k, feedbacks per retrain request. */
    public int retrainEvery() {
        return retrainEvery;
    }

    /**
     * The counts {@code first} to {@code first + records - 1} given to a caller's new records, or none when the counter
     * could not be updated in time (the records are then counted by a later update, or by the retrain job).
     */
    public record Tally(OptionalLong first, int records, int retrainEvery) {

        static Tally notCounted(int records, int retrainEvery) {
            return new Tally(OptionalLong.empty(), records, retrainEvery);
        }

        /** True when the {@code index}-th record of the caller (0-based) was counted at a multiple of k. */
        public boolean requestedRetrain(int index) {
            return first.isPresent() && (first.getAsLong() + index) % retrainEvery == 0;
        }
    }

    /** Counts {@code records} new records (0 or more); never throws for a store failure, and returns within about two budgets. */
    public Tally count(int records) {
        if (records < 0) {
            throw new IllegalArgumentException("records must be 0 or more, got " + records);
        }
        if (records == 0) {
            return Tally.notCounted(0, retrainEvery);
        }
        Group group;
        int offset;
        boolean lead;
        synchronized (lock) {
            if (open == null) {
                open = new Group();
            }
            group = open;
            offset = group.add(records);
            lead = !updating;
            if (lead) {
                updating = true;
                open = null;
            }
        }
        if (!lead && offset == 0) {
            // The first member of a group that formed behind an update leads it once that update is done.
            group.turn.join();
            lead = true;
        }
        if (lead) {
            commit(group);
        }
        OptionalLong first = group.result.join();
        return first.isPresent()
                ? new Tally(OptionalLong.of(first.getAsLong() + offset), records, retrainEvery)
                : Tally.notCounted(records, retrainEvery);
    }

    /** Updates the counter for {@code group} plus what earlier failed updates carried, then hands over to the next group. */
    private void commit(Group group) {
        long carriedIn;
        synchronized (lock) {
            carriedIn = carried;
            carried = 0;
        }
        long added = carriedIn + group.records;
        OptionalLong before = OptionalLong.empty();
        try {
            before = swap(added);
        } catch (RuntimeException e) {
            LOG.warn("could not count {} feedback record(s) on {}: {}; the retrain job counts them", added,
                    FeedbackKeys.COUNTER, e.toString());
        } finally {
            // Whatever happened, the members are answered and the next group gets its turn: nobody waits forever.
            Group next;
            synchronized (lock) {
                if (before.isEmpty()) {
                    carried += added;
                }
                next = open;
                open = null;
                updating = next != null;
            }
            // The carried records come first: they were stored earlier.
            group.result.complete(before.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(before.getAsLong() + carriedIn + 1));
            if (next != null) {
                next.turn.complete(null);
            }
        }
    }

    /** Adds {@code added} to the counter: the count before, or empty when the attempts or the budget ran out. */
    private OptionalLong swap(long added) {
        long deadline = System.nanoTime() + budgetNanos;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Optional<StoredObject> current = store.get(FeedbackKeys.COUNTER);
            long c = current.map(stored -> FeedbackJson.read(FeedbackKeys.COUNTER, stored.data(), FeedbackCount.class)
                    .count()).orElse(0L);
            long n = c + added;
            for (long multiple = (c / retrainEvery + 1) * retrainEvery; multiple <= n; multiple += retrainEvery) {
                requests.create(multiple);
            }
            byte[] next = FeedbackJson.write(new FeedbackCount(n, UUID.randomUUID().toString()));
            boolean swapped = current.isEmpty()
                    ? store.putIfAbsent(FeedbackKeys.COUNTER, next)
                    : store.replaceIf(FeedbackKeys.COUNTER, next, current.get().etag());
            if (swapped) {
                return OptionalLong.of(c);
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            // Randomised so that instances that just collided do not collide again in lockstep.
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L) * attempt);
        }
        LOG.debug("the feedback counter kept changing: {} record(s) carried to the next count", added);
        return OptionalLong.empty();
    }

    /** The requests counted by one update: their records, and how they learn the outcome and their turn to lead. */
    private static final class Group {
        final CompletableFuture<OptionalLong> result = new CompletableFuture<>();
        final CompletableFuture<Void> turn = new CompletableFuture<>();
        int records;

        /** Adds a member's records; its offset in the group. */
        int add(int count) {
            int offset = records;
            records += count;
            return offset;
        }
    }
}
