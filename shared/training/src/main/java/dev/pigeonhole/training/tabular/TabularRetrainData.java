package dev.pigeonhole.training.tabular;

import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a tabular retrain learns from and is judged on: the reference data's fixed stratified held-out share plus
 * the feedback rows whose values and label hash below the feedback share form the evaluation set; the rest the
 * training set. Hashing keeps each feedback row on the same side in every retrain. Feedback records without features,
 * with other features than the reference data, or with a label it lacks are left out and counted.
 */
public record TabularRetrainData(TabularDataset training, TabularDataset evaluation, TabularDataset referenceEvaluation,
                                 TabularDataset feedback, int feedbackEvaluation, int feedbackTraining, int leftOut) {

    public static TabularRetrainData split(TabularDataset reference, List<FeedbackRecord> records, double holdout,
                                           long seed, double feedbackHoldout, String feedbackSource) {
        List<String> labels = reference.labels();
        List<String> names = reference.featureNames();
        Set<LabeledRow> feedbackRows = new LinkedHashSet<>();
        int leftOut = 0;
        for (FeedbackRecord record : records) {
            Map<String, Double> features = record.features();
            if (features == null || !features.keySet().equals(Set.copyOf(names)) || !labels.contains(record.trueLabel())) {
                leftOut++;
                continue;
            }
            double[] values = new double[names.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = features.get(names.get(j));
            }
            feedbackRows.add(new LabeledRow(values, record.trueLabel()));
        }
        List<String> ids = records.stream().map(FeedbackRecord::feedbackId).sorted().toList();
        TabularDataset feedback = new TabularDataset(feedbackSource, sha256(String.join("\n", ids)), names,
                List.copyOf(feedbackRows));

        Fold fold = StratifiedKFold.holdout(reference.labelIndices(labels), holdout, seed);
        TabularDataset referenceEvaluation = reference.subset(fold.test());
        Set<LabeledRow> evaluation = new LinkedHashSet<>(referenceEvaluation.rows());
        Set<LabeledRow> training = new LinkedHashSet<>(reference.subset(fold.train()).rows());
        int feedbackEvaluation = 0;
        int feedbackTraining = 0;
        for (LabeledRow row : feedback.rows()) {
            if (share(row) < feedbackHoldout) {
                feedbackEvaluation += evaluation.add(row) ? 1 : 0;
            } else {
                feedbackTraining += training.add(row) ? 1 : 0;
            }
        }
        training.removeAll(evaluation);
        String source = reference.source() + " + " + feedbackSource;
        String sha = sha256(reference.sha256() + "\n" + feedback.sha256());
        return new TabularRetrainData(new TabularDataset(source, sha, names, new ArrayList<>(training)),
                new TabularDataset(source, sha, names, new ArrayList<>(evaluation)), referenceEvaluation, feedback,
                feedbackEvaluation, feedbackTraining, leftOut);
    }

    /** A number in [0, 1) fixed by the row's values and label. */
    static double share(LabeledRow row) {
        byte[] digest = digest(row.toString());
        return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
