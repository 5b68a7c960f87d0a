package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.FaultyStore;
import dev.pigeonhole.store.StoreException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback at fleet scale, on whatever store {@link #store()} returns: counting never fails a stored feedback, the
 * retrain job's reconciliation makes exactly ⌊N/k⌋ requests, a batch is one counting step, and compacted reads see
 * the same records whatever point a compaction died at.
 */
abstract class FeedbackAtScaleContract {

    /** A new, empty store for one test. */
    abstract ArtifactStore store();

    private static FeedbackSubmission submission(int i, String predictionId) {
        return new FeedbackSubmission("text number " + i, "Science", "Sport", predictionId, "v1");
    }

    private static List<Long> multiples(int k, long records) {
        return LongStream.rangeClosed(1, records / k).map(i -> i * k).boxed().toList();
    }

    private static List<Long> requestCounts(ArtifactStore store) {
        return new RetrainRequests(store).all().stream().map(RetrainRequest::feedbackCount).toList();
    }

    @Test
    void aFeedbackIsStoredWhenTheCounterCannotBeWrittenAndTheJobCreatesItsRequest() {
        ArtifactStore real = store();
        ArtifactStore broken = new FaultyStore(real,
                key -> key.equals(FeedbackKeys.COUNTER) || key.startsWith(FeedbackKeys.REQUESTS_PREFIX), 0);
        FeedbackRecorder recorder = new FeedbackRecorder(broken, 3, Clock.systemUTC());
        List<Boolean> requested = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            requested.add(recorder.record(submission(i, "p-" + i), "c").retrainRequested());
        }

        assertEquals(List.of(false, false, false, false, false, false, false), requested, "the counter never moved");
        assertEquals(7, new FeedbackReader(real).records().size());
        assertEquals(List.of(), requestCounts(real));

        RetrainRequestReconciler.Reconciled reconciled = new RetrainRequestReconciler(real, new RetrainRequests(real), 3)
                .reconcile();

        assertEquals(new RetrainRequestReconciler.Reconciled(7, List.of(3L, 6L)), reconciled);
        assertEquals(List.of(3L, 6L), requestCounts(real));
        assertEquals(List.of(), new RetrainRequestReconciler(real, new RetrainRequests(real), 3).reconcile().created(),
                "a second run creates nothing");
    }

    @Test
    void aBatchIsOneCountingStepAndSaysWhichItemsCrossedAMultipleOfK() {
        ArtifactStore real = store();
        FaultyStore counted = new FaultyStore(real, FeedbackKeys.COUNTER::equals, Integer.MAX_VALUE);
        FeedbackRecorder recorder = new FeedbackRecorder(counted, 3, Clock.systemUTC());
        recorder.record(submission(0, "p-0"), "c");
        List<FeedbackSubmission> batch = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            batch.add(submission(i, "p-" + i));
        }
        batch.add(submission(0, "p-0")); // sent before: a duplicate, not counted
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<FeedbackRecorder.Recorded> outcomes = recorder.recordAll(batch, "c", writers);

            assertEquals(9, outcomes.size());
            assertEquals(List.of(false, true, false, false, true, false, false, true, false),
                    outcomes.stream().map(FeedbackRecorder.Recorded::retrainRequested).toList(),
                    "items 1, 4 and 7 of the batch are records 3, 6 and 9");
            assertEquals(List.of(false, false, false, false, false, false, false, false, true),
                    outcomes.stream().map(FeedbackRecorder.Recorded::duplicate).toList());
            assertEquals("text number 3", outcomes.get(2).record().text());
            assertEquals(2, counted.writes(), "one counter write for the single feedback, one for the batch");
            assertEquals(List.of(3L, 6L, 9L), requestCounts(real));
            assertEquals(9, new FeedbackReader(real).records().size());
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aBatchWithAnInvalidItemStoresNothing() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 3, Clock.systemUTC());
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            List<FeedbackSubmission> batch = List.of(submission(1, null), new FeedbackSubmission(" ", "a", "b", null, null));
            assertThrows(IllegalArgumentException.class, () -> recorder.recordAll(batch, "c", writers));
            assertEquals(List.of(), store.list("feedback/"));
        } finally {
            writers.shutdownNow();
        }
    }

    /** Feedbacks each of the 16 threads of the racing test records; fewer over HTTP. */
    int feedbacksPerThread() {
        return 40;
    }

    @Test
    void instancesRacingWithOneAttemptEachLoseCountsThatTheJobMakesUp() throws Exception {
        ArtifactStore store = store();
        int k = 7;
        // Four instances, each counting with a single compare-and-swap: they collide, and the losers give up at once.
        List<FeedbackRecorder> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(new FeedbackRecorder(store, Clock.systemUTC(),
                    new RetrainCounter(store, k, new RetrainRequests(store), Duration.ZERO, 1)));
        }
        int threads = 16;
        int perThread = feedbacksPerThread();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                FeedbackRecorder recorder = instances.get(t % instances.size());
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int requested = 0;
                    for (int i = 0; i < perThread; i++) {
                        requested += recorder.record(submission(i, "t" + thread + "-" + i), "c" + thread)
                                .retrainRequested() ? 1 : 0;
                    }
                    return requested;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long total = (long) threads * perThread;
        assertEquals(total, store.list(FeedbackKeys.RECORDS_PREFIX).size(), "every feedback stored once");
        List<Long> before = requestCounts(store);
        assertTrue(before.stream().allMatch(count -> count <= total), "no request runs ahead of the records");

        new RetrainRequestReconciler(store, new RetrainRequests(store), k).reconcile();

        assertEquals(multiples(k, total), requestCounts(store), "exactly ⌊N/k⌋ requests, one per multiple of k");
    }

    @Test
    void aCompactedReadSeesTheSameRecordsAndReadsOnlyTheNewOnesOneByOne() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 100, Clock.systemUTC());
        for (int i = 0; i < 25; i++) {
            recorder.record(submission(i, i % 3 == 0 ? null : "p-" + i), "c");
        }
        FeedbackReader reader = new FeedbackReader(store);
        FeedbackSnapshot first = reader.snapshot();
        assertEquals(25, first.unsegmented().size());

        List<String> written = new FeedbackCompactor(new FeedbackSegments(store), 10, 10).compact(first);

        assertEquals(List.of("feedback/segments/0000000001-0000000010.jsonl.gz",
                "feedback/segments/0000000011-0000000020.jsonl.gz",
                "feedback/segments/0000000021-0000000025.jsonl.gz"), written);
        for (int i = 25; i < 30; i++) {
            recorder.record(submission(i, "p-" + i), "c");
        }
        FeedbackSnapshot second = reader.snapshot();
        assertEquals(3, second.segmentsRead());
        assertEquals(5, second.unsegmented().size(), "only the records newer than the segments are read one by one");
        assertEquals(26, second.nextSegmentStart());
        assertEquals(30, second.records().size());
        assertEquals(first.records(), second.records().subList(0, 25));
        assertEquals(List.of(), new FeedbackCompactor(new FeedbackSegments(store), 10, 10).compact(second),
                "fewer than the minimum wait for a later run");
    }

    @Test
    void aCompactionThatDiesMidWayLosesNothingAndCountsNothingTwice() {
        ArtifactStore store = store();
        FeedbackRecorder recorder = new FeedbackRecorder(store, 100, Clock.systemUTC());
        for (int i = 0; i < 30; i++) {
            recorder.record(submission(i, "p-" + i), "c");
        }
        List<FeedbackRecord> all = new FeedbackReader(store).records();
        // The job dies writing its second segment.
        ArtifactStore dying = new FaultyStore(store, key -> key.startsWith(FeedbackSegments.PREFIX), 1);
        FeedbackSnapshot read = new FeedbackReader(dying).snapshot();
        assertThrows(StoreException.class,
                () -> new FeedbackCompactor(new FeedbackSegments(dying), 1, 12).compact(read));
        assertEquals(List.of("feedback/segments/0000000001-0000000012.jsonl.gz"), store.list(FeedbackSegments.PREFIX));

        FeedbackSnapshot afterCrash = new FeedbackReader(store).snapshot();
        assertEquals(all, afterCrash.records(), "nothing lost, nothing twice");
        assertEquals(18, afterCrash.unsegmented().size());

        // The next run completes the compaction; a run that raced it with an overlapping range changes nothing read.
        new FeedbackCompactor(new FeedbackSegments(store), 1, 100).compact(afterCrash);
        new FeedbackSegments(store).write(5, afterCrash.unsegmented().subList(0, 10));
        assertEquals(List.of("feedback/segments/0000000001-0000000012.jsonl.gz",
                "feedback/segments/0000000005-0000000014.jsonl.gz",
                "feedback/segments/0000000013-0000000030.jsonl.gz"), store.list(FeedbackSegments.PREFIX));
        FeedbackSnapshot compacted = new FeedbackReader(store).snapshot();
        assertEquals(all, compacted.records());
        assertEquals(List.of(), compacted.unsegmented());
        assertEquals(30, compacted.recordObjects());
        Set<String> ids = new HashSet<>();
        compacted.records().forEach(record -> assertTrue(ids.add(record.feedbackId())));
        assertFalse(new FeedbackReader(store).dataset().examples().isEmpty());
    }
}
