package dev.pigeonhole.feedback;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.store.ArtifactStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads every stored feedback record (from segments and record objects), and the feedback as a training data set with its provenance. */
public final class FeedbackReader {

    /** Records fetched at once when no segment holds them. */
    private static final int READERS = 16;

    private final ArtifactStore store;

    public FeedbackReader(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Every feedback record, oldest first (by feedback id, which starts with the time it was received), each feedback
     * id once: those the segments hold, and the others read one by one.
     */
    public List<FeedbackRecord> records() {
        return snapshot().records();
    }

    /**
     * Reads the feedback: the record keys are listed (the listing is what there is), the segments read, and the records
     * no segment holds fetched one by one, {@value #READERS} at a time.
     */
    public FeedbackSnapshot snapshot() {
        List<String> keys = store.list(FeedbackKeys.RECORDS_PREFIX).stream()
                .filter(key -> key.endsWith(FeedbackKeys.JSON)).toList();
        FeedbackSegments segments = new FeedbackSegments(store);
        Map<String, FeedbackRecord> byKey = new HashMap<>();
        long next = 1;
        List<FeedbackSegments.Segment> listed = segments.list();
        for (FeedbackSegments.Segment segment : listed) {
            for (FeedbackSegments.Line line : segments.read(segment)) {
                byKey.putIfAbsent(line.key(), line.record());
            }
            next = Math.max(next, segment.to() + 1);
        }
        List<String> missing = keys.stream().filter(key -> !byKey.containsKey(key)).toList();
        List<FeedbackSegments.Line> fetched = fetch(missing);
        fetched.forEach(line -> byKey.putIfAbsent(line.key(), line.record()));

        Map<String, FeedbackRecord> byId = new HashMap<>();
        for (FeedbackRecord record : byKey.values()) {
            byId.merge(record.feedbackId(), record, (a, b) -> a);
        }
        // Keys of records with a prediction id are hashes, so the listing is not in time order.
        List<FeedbackRecord> records = byId.values().stream()
                .sorted(Comparator.comparing(FeedbackRecord::feedbackId)).toList();
        List<FeedbackSegments.Line> unsegmented = fetched.stream()
                .sorted(Comparator.comparing((FeedbackSegments.Line line) -> line.record().feedbackId())
                        .thenComparing(FeedbackSegments.Line::key))
                .toList();
        return new FeedbackSnapshot(records, unsegmented, next, keys.size(), listed.size());
    }

    /** The records at {@code keys}, read in parallel; a record listed but gone again (never deleted) is skipped. */
    private List<FeedbackSegments.Line> fetch(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        FeedbackSegments.Line[] lines = new FeedbackSegments.Line[keys.size()];
        int threads = Math.min(READERS, keys.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "feedback-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < lines.length; i += threads) {
                        String key = keys.get(i);
                        int index = i;
                        store.get(key).ifPresent(stored -> lines[index] = new FeedbackSegments.Line(key,
                                FeedbackJson.read(key, stored.data(), FeedbackRecord.class)));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading feedback records", e);
        } finally {
            pool.shutdownNow();
        }
        return Arrays.stream(lines).filter(Objects::nonNull).toList();
    }

    /**
     * The feedback as labelled texts (text and true label), oldest first, keeping the first of records with the same
     * text and true label. Its source names the records' prefix; its sha256 is over the sorted ids of all records read,
     * one per line, so it changes whenever a record is added.
     */
    public Dataset dataset() {
        return dataset(records());
    }

    /** As {@link #dataset()}, of {@code records} only (e.g. what a {@link ClientShareCap} kept). */
    public Dataset dataset(List<FeedbackRecord> records) {
        Set<LabeledText> seen = new HashSet<>();
        List<LabeledText> examples = new ArrayList<>();
        for (FeedbackRecord record : records) {
            LabeledText example = new LabeledText(record.text(), record.trueLabel());
            if (seen.add(example)) {
                examples.add(example);
            }
        }
        List<String> ids = records.stream().map(FeedbackRecord::feedbackId).sorted().toList();
        String digest = FeedbackKeys.sha256(ids.isEmpty() ? "" : String.join("\n", ids) + "\n");
        return new Dataset(store.describe() + "/" + FeedbackKeys.RECORDS_PREFIX, digest, examples);
    }
}
