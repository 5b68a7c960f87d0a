package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import io.micronaut.core.annotation.Nullable;
import dev.pigeonhole.store.StoreException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
 *       leaves a stored but uncounted record: it is never lost (the retrain job reads and counts every record).</li>
 *   <li>Count it, as a best effort ({@link RetrainCounter}): the new records of the requests that arrive together in
 *       one function instance are added to {@code feedback/counter.json} in one compare-and-swap, and the request
 *       {@code retrain-requests/<n>.json} of every multiple n of k passed is created (if absent) <em>before</em> the
 *       swap. Counting never fails a stored feedback: when the counter cannot be updated in time, the answer says no
 *       retrain was requested and the retrain job, which counts the records themselves, creates any request missed
 *       ({@link RetrainRequestReconciler}).</li>
 * </ol>
 */
public final class FeedbackRecorder {

    /** The default k, feedbacks per retrain request (PIGEONHOLE_RETRAIN_EVERY). */
    public static final int DEFAULT_RETRAIN_EVERY = 100;

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    /** The most records of one batch written at once. */
    private static final int BATCH_WRITERS = 16;

    private final ArtifactStore store;
    private final Clock clock;
    private final RetrainCounter counter;

    public FeedbackRecorder(ArtifactStore store, int retrainEvery, Clock clock) {
        this(store, clock, new RetrainCounter(store, retrainEvery, new RetrainRequests(store, clock),
                RetrainCounter.DEFAULT_BUDGET, RetrainCounter.DEFAULT_MAX_ATTEMPTS));
    }

    /** Counting with {@code counter} (its budget and attempts), which must count in {@code store}. */
    public FeedbackRecorder(ArtifactStore store, Clock clock, RetrainCounter counter) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counter = Objects.requireNonNull(counter, "counter");
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
        Recorded stored = store(submission, clientId);
        if (stored.duplicate()) {
            return stored;
        }
        return new Recorded(stored.record(), false, counter.count(1).requestedRetrain(0));
    }

    /**
     * Validates and stores every submission of a batch as sent by {@code clientId}, up to {@value #BATCH_WRITERS} at a
     * time on {@code writers}, then counts the new ones in one counting step: the outcomes in the order given.
     * IllegalArgumentException for bad input, before anything is stored; a store failure fails the batch after the
     * records written so far are stored (sending the batch again stores each of them once, by prediction id).
     */
    public List<Recorded> recordAll(List<FeedbackSubmission> submissions, @Nullable String clientId, Executor writers) {
        Objects.requireNonNull(submissions, "submissions");
        submissions.forEach(FeedbackRecorder::requireValid);
        Recorded[] stored = new Recorded[submissions.size()];
        int chunks = Math.min(BATCH_WRITERS, submissions.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            int start = chunk;
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = start; i < stored.length; i += chunks) {
                    stored[i] = store(submissions.get(i), clientId);
                }
            }, writers));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        int created = 0;
        for (Recorded recorded : stored) {
            created += recorded.duplicate() ? 0 : 1;
        }
        RetrainCounter.Tally tally = counter.count(created);
        List<Recorded> outcomes = new ArrayList<>(stored.length);
        int index = 0;
        for (Recorded recorded : stored) {
            if (recorded.duplicate()) {
                outcomes.add(recorded);
            } else {
                outcomes.add(new Recorded(recorded.record(), false, tally.requestedRetrain(index++)));
            }
        }
        return outcomes;
    }

    /** Validates and writes the record of {@code submission}, uncounted; duplicate when the client sent its prediction id before. */
    private Recorded store(FeedbackSubmission submission, @Nullable String clientId) {
        requireValid(submission);
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
            return new Recorded(record, false, false);
        }
        if (!store.putIfAbsent(FeedbackKeys.record(record.feedbackId()), FeedbackJson.write(record))) {
            throw new StoreException("feedback id " + record.feedbackId() + " is already taken in " + store.describe());
        }
        return new Recorded(record, false, false);
    }

    private static void requireValid(FeedbackSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        requireText(submission.text(), "text");
        requireText(submission.predictedLabel(), "predicted_label");
        requireText(submission.trueLabel(), "true_label");
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
