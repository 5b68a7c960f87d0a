package dev.pigeonhole.feedback;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.store.ArtifactStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads every stored feedback record, and the feedback as a training data set with its provenance. */
public final class FeedbackReader {

    private final ArtifactStore store;

    public FeedbackReader(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Every feedback record, oldest first (by feedback id, which starts with the time it was received), each feedback
     * id once.
     */
    public List<FeedbackRecord> records() {
        Map<String, FeedbackRecord> byId = new LinkedHashMap<>();
        for (String key : store.list(FeedbackKeys.RECORDS_PREFIX)) {
            if (!key.endsWith(FeedbackKeys.JSON)) {
                continue;
            }
            // A record listed but gone again cannot happen (records are never deleted); skip rather than fail if so.
            store.get(key).ifPresent(stored -> {
                FeedbackRecord record = FeedbackJson.read(key, stored.data(), FeedbackRecord.class);
                byId.putIfAbsent(record.feedbackId(), record);
            });
        }
        // Keys of records with a prediction id are hashes, so the listing is not in time order.
        return byId.values().stream().sorted(java.util.Comparator.comparing(FeedbackRecord::feedbackId)).toList();
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
