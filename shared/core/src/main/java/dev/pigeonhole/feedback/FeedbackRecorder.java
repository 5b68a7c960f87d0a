package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import io.micronaut.core.annotation.Nullable;
import dev.pigeonhole.store.StoredObject;
import dev.pigeonhole.store.StoreException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Stores each feedback as one immutable object, exactly once per client and prediction id, and creates one retrain
 * request per {@code retrainEvery} stored feedbacks, with nothing but create-if-absent and compare-and-swap, so that any
 * number of function instances may record at once.
 *
 * <p>The steps, and what a crash after each leaves behind:
 * <ol>
 *   <li>Create the record: with a prediction id at {@code feedback/records/p-<sha256(client, prediction id)>.json},
 *       so that one client's resent feedback finds its first record and stores nothing new, while another client's
 *       feedback on the same prediction is a record of its own; without one at
 *       {@code feedback/records/<time>-<uuid>.json}. This one write is the whole claim: no crash leaves a claim
 *       without its record. Only whoever creates it counts it, so a record is counted at most once. A crash here
 *       leaves a stored but uncounted record: it is never lost (the retrain job reads every record), it only delays
 *       the next request by one feedback.</li>
 *   <li>Count it: compare-and-swap {@code feedback/counter.json} from c to n = c + 1. When n is a multiple of k the
 *       request {@code retrain-requests/<n>.json} is created (if absent) <em>before</em> the swap, so a crash after the swap can never lose it; a
 *       crash between the two leaves a request one feedback early, still the only one for that number.</li>
 * </ol>
 */
public final class FeedbackRecorder {

    /** The default k, feedbacks per retrain request (PIGEONHOLE_RETRAIN_EVERY). */
    public static final int DEFAULT_RETRAIN_EVERY = 100;

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_COUNT_ATTEMPTS = 2_000;

    private final ArtifactStore store;
    private final int retrainEvery;
    private final Clock clock;
    private final RetrainRequests requests;

    public FeedbackRecorder(ArtifactStore store, int retrainEvery, Clock clock) {
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("retrain every must be at least 1 feedback, got " + retrainEvery);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.retrainEvery = retrainEvery;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requests = new RetrainRequests(store, clock);
    }

    /** The outcome of recording: the stored record, whether it had been recorded before, whether it asked to retrain. */
    public record Recorded(FeedbackRecord record, boolean duplicate, boolean retrainRequested) {
    }

    /** Validates and stores {@code submission} sent by no identified client. */
    public Recorded record(FeedbackSubmission submission) {
        return record(submission, null);
    }

    /**
     * Validates and stores {@code submission} as sent by {@code clientId} (the caller's API key's client, or null);
     * IllegalArgumentException saying what to fix for bad input.
     */
    public Recorded record(FeedbackSubmission submission, @Nullable String clientId) {
        Objects.requireNonNull(submission, "submission");
        requireText(submission.text(), "text");
        requireText(submission.predictedLabel(), "predicted_label");
        requireText(submission.trueLabel(), "true_label");
        String predictionId = blankToNull(submission.predictionId());
        Instant now = clock.instant();
        FeedbackRecord record = new FeedbackRecord(ID_TIME.format(now) + "-" + UUID.randomUUID(), now.toString(),
                submission.text(), submission.predictedLabel().strip(), submission.trueLabel().strip(),
                blankToNull(submission.modelVersion()), predictionId, clientId, numbers(submission.features()));

        if (predictionId != null) {
            String key = FeedbackKeys.record(clientId, predictionId);
            if (!store.putIfAbsent(key, FeedbackJson.write(record))) {
                FeedbackRecord first = FeedbackJson.read(key, store.get(key)
                        .orElseThrow(() -> new StoreException(key + " vanished; records are never deleted"))
                        .data(), FeedbackRecord.class);
                return new Recorded(first, true, false);
            }
            return new Recorded(record, false, count());
        }
        if (!store.putIfAbsent(FeedbackKeys.record(record.feedbackId()), FeedbackJson.write(record))) {
            throw new StoreException("feedback id " + record.feedbackId() + " is already taken in " + store.describe());
        }
        return new Recorded(record, false, count());
    }

    /** Counts one new record; true if it was the k-th and so requested a retrain. */
    private boolean count() {
        for (int attempt = 1; attempt <= MAX_COUNT_ATTEMPTS; attempt++) {
            Optional<StoredObject> current = store.get(FeedbackKeys.COUNTER);
            long n = current.map(c -> FeedbackJson.read(FeedbackKeys.COUNTER, c.data(), FeedbackCount.class).count())
                    .orElse(0L) + 1;
            boolean kth = n % retrainEvery == 0;
            if (kth) {
                requests.create(n);
            }
            byte[] next = FeedbackJson.write(new FeedbackCount(n, UUID.randomUUID().toString()));
            boolean swapped = current.isEmpty()
                    ? store.putIfAbsent(FeedbackKeys.COUNTER, next)
                    : store.replaceIf(FeedbackKeys.COUNTER, next, current.get().etag());
            if (swapped) {
                return kth;
            }
            backOff(attempt);
        }
        throw new StoreException("could not count a feedback in " + store.describe() + ": the counter kept changing for "
                + MAX_COUNT_ATTEMPTS + " attempts; the record is stored and will be trained on");
    }

    // Randomised so that writers that just collided do not collide again in lockstep.
    private static void backOff(int attempt) {
        long maxMicros = Math.min(20_000L, 50L << Math.min(attempt, 9));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxMicros) * 1_000L);
    }

    private static void requireText(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is empty; send a non-blank value");
        }
    }

    // The features were checked against the served model before they got here: every value is a number.
    private static Map<String, Double> numbers(@Nullable Map<String, Object> features) {
        if (features == null) {
            return null;
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        features.forEach((name, value) -> numbers.put(name, ((Number) value).doubleValue()));
        return numbers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
