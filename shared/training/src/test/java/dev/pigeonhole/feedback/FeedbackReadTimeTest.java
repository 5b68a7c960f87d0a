package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.AzuriteServer;
import dev.pigeonhole.store.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How long the retrain job takes to read N feedback records on Azurite (or s3proxy, with
 * {@code -Dpigeonhole.bench.feedback-server=s3proxy}): one by one as it did before segments (a
 * listing, then one GET after the other), one by one in parallel (records no segment holds yet), and from segments.
 * A measurement for BENCHMARKS.md, not a test: runs only with {@code -Dpigeonhole.bench.feedback-records=N}
 * ({@code bench/feedback-read-time.sh}).
 */
@EnabledIfSystemProperty(named = "pigeonhole.bench.feedback-records", matches = "\\d+")
class FeedbackReadTimeTest {

    private final boolean s3 = "s3proxy".equals(System.getProperty("pigeonhole.bench.feedback-server", "azurite"));

    @Test
    void readTimes() throws Exception {
        int n = Integer.getInteger("pigeonhole.bench.feedback-records");
        ArtifactStore store = s3 ? S3ProxyServer.shared().newStore() : AzuriteServer.shared().newStore();
        long begin = System.nanoTime();
        write(store, n);
        report("writing %,d records (32 at a time)", n, begin);

        begin = System.nanoTime();
        int read = 0;
        for (String key : store.list(FeedbackKeys.RECORDS_PREFIX)) {
            FeedbackJson.read(key, store.get(key).orElseThrow().data(), FeedbackRecord.class);
            read++;
        }
        report("before: listing, then one GET after the other (%,d records)", read, begin);

        begin = System.nanoTime();
        FeedbackSnapshot oneByOne = new FeedbackReader(store).snapshot();
        report("no segment yet: listing, 16 GETs at a time (%,d records)", oneByOne.records().size(), begin);

        begin = System.nanoTime();
        List<String> segments = new FeedbackCompactor(new FeedbackSegments(store), 1_000, 50_000).compact(oneByOne);
        report("compacting into " + segments.size() + " segment(s) (%,d records)", oneByOne.unsegmented().size(), begin);

        begin = System.nanoTime();
        FeedbackSnapshot compacted = new FeedbackReader(store).snapshot();
        report("after compaction: listing, " + compacted.segmentsRead() + " segment(s) (%,d records)",
                compacted.records().size(), begin);
        assertEquals(oneByOne.records(), compacted.records());
        assertEquals(0, compacted.unsegmented().size());
    }

    private void report(String what, int count, long begin) {
        System.out.printf(Locale.ROOT, "feedback read time on " + (s3 ? "s3proxy" : "Azurite") + ": " + what + ": %.1f s%n", count,
                (System.nanoTime() - begin) / 1e9);
    }

    private static void write(ArtifactStore store, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < n; i += 32) {
                        String predictionId = UUID.randomUUID().toString();
                        String id = String.format(Locale.ROOT, "20261201T%09dZ-%s", i, UUID.randomUUID());
                        FeedbackRecord record = new FeedbackRecord(id, Instant.now().toString(),
                                "correction " + i + ": the goalie stopped every shot and the team won the hockey game",
                                "Science", "Sport", "v20261201-000000-000", predictionId, "client-" + i % 40);
                        store.putIfAbsent(FeedbackKeys.record(record.clientId(), predictionId), FeedbackJson.write(record));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
