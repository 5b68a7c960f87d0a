package dev.pigeonhole.feedback;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.store.ArtifactStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feedback store's guarantees, proven on whatever {@link ArtifactStore} {@link #store()} returns. */
abstract class FeedbackStoreContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123Z"), ZoneOffset.UTC);

    /** A new, empty store for one test. */
    abstract ArtifactStore store();

    /**
     * Feedbacks each of the 16 threads records in the concurrency test (a multiple of 5, so that k gives 20 requests):
     * 125, or 2,000 in all, by default; a server over HTTP may prove the same with fewer.
     */
    int feedbacksPerThread() {
        return 125;
    }

    static FeedbackSubmission submission(String text, String predicted, String truth, String predictionId) {
        return new FeedbackSubmission(text, predicted, truth, predictionId, "v20260301-000000-000");
    }

    @Test
    void recordIsOneImmutableObjectHoldingEveryField() {
        ArtifactStore store = store();
        FeedbackRecorder.Recorded recorded = new FeedbackRecorder(store, 100, CLOCK)
                .record(submission("The goalie saved it", "Science", "Sport", "p-1"));

        FeedbackRecord record = recorded.record();
        assertFalse(recorded.duplicate());
        assertFalse(recorded.retrainRequested());
        assertTrue(record.feedbackId().startsWith("20260301T101530123Z-"), record.feedbackId());
        assertEquals(new FeedbackRecord(record.feedbackId(), "2026-03-01T10:15:30.123Z", "The goalie saved it",
                "Science", "Sport", "v20260301-000000-000", "p-1"), record);
        assertTrue(record.badPrediction());
        String key = FeedbackKeys.record(null, "p-1");
        assertEquals(List.of("feedback/counter.json", key), store.list("feedback/"),
                "one write for the record, whose key is the claim, and the counter: nothing a crash could leave half done");
        assertEquals(List.of(record), new FeedbackReader(store).records());
        String json = new String(store.get(key).orElseThrow().data(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"received_at\":\"2026-03-01T10:15:30.123Z\""), json);
        assertTrue(json.contains("\"true_label\":\"Sport\""), json);
    }

    @Test
    void counterWrittenWithoutWriterTokenCountsOn() {
        ArtifactStore store = store();
        assertTrue(store.putIfAbsent("feedback/counter.json", "{\"count\":4}".getBytes(StandardCharsets.UTF_8)));

        FeedbackRecorder.Recorded fifth = new FeedbackRecorder(store, 5, CLOCK)
                .record(submission("the fifth text", "Science", "Sport", null));

        assertTrue(fifth.retrainRequested());
        assertEquals(List.of(5L), new RetrainRequests(store).all().stream().map(RetrainRequest::feedbackCount).toList());
    }

    @Test
    void counterWritesOfTheSameCountHoldDistinctBytes() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            ArtifactStore store = store();
            new FeedbackRecorder(store, 100, CLOCK).record(submission("the same text", "Science", "Sport", null));
            written.add(new String(store.get("feedback/counter.json").orElseThrow().data(), StandardCharsets.UTF_8));
        }

        assertEquals(2, written.size(), "a resent conditional write tells its own write from a rival's by the bytes");
    }

    @Test
    void repeatedPredictionIdGivesTheSameFeedbackIdAndNoSecondRecord() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 2, CLOCK);
        FeedbackRecorder.Recorded first = recorder.record(submission("a text", "Science", "Sport", "p-7"));
        FeedbackRecorder.Recorded again = recorder.record(submission("a text", "Science", "Sport", "p-7"));

        assertTrue(again.duplicate());
        assertFalse(again.retrainRequested());
        assertEquals(first.record(), again.record());
        assertEquals(1, store.list("feedback/records/").size());
        assertEquals(List.of(), new RetrainRequests(store).all(), "the repeat must not be counted");
    }

    @Test
    void feedbackWithoutPredictionIdIsNeverTakenForADuplicate() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 100, CLOCK);
        recorder.record(submission("same", "Science", "Sport", null));
        FeedbackRecorder.Recorded second = recorder.record(submission("same", "Science", "Sport", " "));

        assertFalse(second.duplicate());
        assertEquals(2, store.list("feedback/records/").size());
    }

    @Test
    void everyKthFeedbackCreatesOneRetrainRequest() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 3, CLOCK);
        List<Integer> requesting = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            if (recorder.record(submission("text " + i, "Science", "Sport", "p-" + i)).retrainRequested()) {
                requesting.add(i);
            }
        }

        assertEquals(List.of(3, 6), requesting);
        assertEquals(List.of(new RetrainRequest("0000000003", 3, "2026-03-01T10:15:30.123Z"),
                new RetrainRequest("0000000006", 6, "2026-03-01T10:15:30.123Z")), new RetrainRequests(store).all());
    }

    @Test
    void thePredictionIdOfOneClientDoesNotHideTheFeedbackOfAnother() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 100, CLOCK);
        FeedbackRecorder.Recorded alice = recorder.record(submission("a text", "Science", "Sport", "p-7"), "alice");
        FeedbackRecorder.Recorded bob = recorder.record(submission("a text", "Science", "Informatique", "p-7"), "bob");
        FeedbackRecorder.Recorded aliceAgain = recorder.record(submission("a text", "Science", "Sport", "p-7"), "alice");

        assertFalse(bob.duplicate(), "another client's correction of the same prediction is stored");
        assertTrue(aliceAgain.duplicate());
        assertEquals(alice.record(), aliceAgain.record());
        assertEquals(List.of("alice", "bob"), new FeedbackReader(store).records().stream()
                .map(FeedbackRecord::clientId).sorted().toList());
    }

    @Test
    void recordsAreReadOldestFirstWhateverTheirKeys() {
        ArtifactStore store = store();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z").plusSeconds(i), ZoneOffset.UTC);
            ids.add(new FeedbackRecorder(store, 100, clock)
                    .record(submission("text " + i, "Science", "Sport", i % 2 == 0 ? "p-" + i : null), "c").record().feedbackId());
        }

        assertEquals(ids, new FeedbackReader(store).records().stream().map(FeedbackRecord::feedbackId).toList());
    }

    @Test
    void theRetrainLeaseHasOneHolderUntilItIsReleasedOrExpires() {
        ArtifactStore store = store();
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        RetrainLease atStart = new RetrainLease(store, Clock.fixed(start, ZoneOffset.UTC));

        RetrainLease.Attempt first = atStart.acquire("run-a", java.time.Duration.ofMinutes(120));
        RetrainLease.Attempt second = atStart.acquire("run-b", java.time.Duration.ofMinutes(120));

        assertTrue(first.acquired());
        assertFalse(second.acquired());
        assertEquals("run-a", second.holder().orElseThrow().owner());
        assertEquals("2026-03-01T12:00:00Z", second.holder().orElseThrow().expiresAt());
        assertTrue(atStart.release(first.held().orElseThrow()));
        RetrainLease.Attempt afterRelease = atStart.acquire("run-b", java.time.Duration.ofMinutes(120));
        assertTrue(afterRelease.acquired());

        // run-b dies holding it: the lease stops anyone only until it expires, then the next run takes it over.
        RetrainLease later = new RetrainLease(store, Clock.fixed(start.plusSeconds(121 * 60), ZoneOffset.UTC));
        RetrainLease.Attempt takeover = later.acquire("run-c", java.time.Duration.ofMinutes(120));
        assertTrue(takeover.acquired());
        assertFalse(later.release(afterRelease.held().orElseThrow()), "run-b's late release leaves run-c's lease alone");
        assertEquals("run-c", later.acquire("run-d", java.time.Duration.ofMinutes(1)).holder().orElseThrow().owner());
    }

    @Test
    void ofRunsRacingForTheRetrainLeaseExactlyOneGetsIt() throws Exception {
        ArtifactStore store = store();
        RetrainLease lease = new RetrainLease(store, Clock.systemUTC());
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String owner = "run-" + i;
                attempts.add(pool.submit(() -> {
                    start.await();
                    return lease.acquire(owner, java.time.Duration.ofMinutes(5)).acquired();
                }));
            }
            start.countDown();
            int holders = 0;
            for (Future<Boolean> attempt : attempts) {
                holders += attempt.get() ? 1 : 0;
            }
            assertEquals(1, holders);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pendingRequestsAreThoseWithoutADoneMarker() {
        ArtifactStore store = store();
        RetrainRequests requests = new RetrainRequests(store, CLOCK);
        assertTrue(requests.create(100));
        assertTrue(requests.create(200));
        assertFalse(requests.create(200), "a request is created once per count");

        requests.markDone(requests.pending().subList(0, 1), "v1");

        assertEquals(List.of("0000000200"), requests.pending().stream().map(RetrainRequest::id).toList());
        assertEquals(List.of("retrain-requests/0000000100.json", "retrain-requests/0000000200.json",
                "retrain-requests/done/0000000100.json"), store.list("retrain-requests/"));
    }

    @Test
    void datasetDropsRepeatedTextAndLabelAndHashesTheRecordIds() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 100, CLOCK);
        String a = recorder.record(submission("goal!", "Science", "Sport", null)).record().feedbackId();
        String b = recorder.record(submission("goal!", "Science", "Sport", null)).record().feedbackId();
        String c = recorder.record(submission("goal!", "Sport", "Science", null)).record().feedbackId();

        Dataset dataset = new FeedbackReader(store).dataset();

        assertEquals(Set.of(new LabeledText("goal!", "Sport"), new LabeledText("goal!", "Science")),
                Set.copyOf(dataset.examples()));
        assertEquals(2, dataset.size());
        List<String> ids = new ArrayList<>(List.of(a, b, c));
        ids.sort(null);
        assertEquals(FeedbackKeys.sha256(String.join("\n", ids) + "\n"), dataset.sha256());
        assertTrue(dataset.source().endsWith("/feedback/records/"), dataset.source());
    }

    @Test
    void feedbacksFromSixteenThreadsAreAllRecordedWithOneRequestPerK() throws Exception {
        ArtifactStore store = store();
        int threads = 16;
        int perThread = feedbacksPerThread();
        int total = threads * perThread;
        int k = total / 20;
        FeedbackRecorder recorder = new FeedbackRecorder(store, k, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<FeedbackRecorder.Recorded>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<FeedbackRecorder.Recorded> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        // Half carry a prediction id, so both kinds of record key are written at once.
                        String predictionId = i % 2 == 0 ? "t" + thread + "-" + i : null;
                        mine.add(recorder.record(submission("text " + thread + " " + i, "Science", "Sport", predictionId)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int requested = 0;
            for (Future<List<FeedbackRecorder.Recorded>> result : results) {
                for (FeedbackRecorder.Recorded recorded : result.get()) {
                    ids.add(recorded.record().feedbackId());
                    requested += recorded.retrainRequested() ? 1 : 0;
                    assertFalse(recorded.duplicate());
                }
            }

            assertEquals(total, ids.size());
            assertEquals(total, store.list("feedback/records/").size());
            assertEquals(20, store.list("retrain-requests/").size());
            assertEquals(20, requested);
            List<Long> counts = new RetrainRequests(store).all().stream().map(RetrainRequest::feedbackCount).toList();
            List<Long> expected = new ArrayList<>();
            for (long n = k; n <= total; n += k) {
                expected.add(n);
            }
            assertEquals(expected, counts);
            assertEquals(total, FeedbackJson.read("feedback/counter.json",
                    store.get("feedback/counter.json").orElseThrow().data(), FeedbackCount.class).count());
        } finally {
            pool.shutdownNow();
        }
    }
}
