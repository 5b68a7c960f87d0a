package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits reference data and feedback into a candidate's training set and a fixed evaluation set: the reference
 * holdout of {@link StratifiedKFold#holdout} with a fixed seed, plus the feedback whose text and label hash below the
 * feedback share. Hashing keeps each feedback on the same side in every retrain as feedback accumulates, so no model
 * made by retraining ever trained on what it is evaluated on.
 */
public final class RetrainSplit {

    private final double referenceHoldout;
    private final long seed;
    private final double feedbackHoldout;

    public RetrainSplit(double referenceHoldout, long seed, double feedbackHoldout) {
        if (!(referenceHoldout > 0 && referenceHoldout < 1)) {
            throw new IllegalArgumentException("held-out share must be between 0 and 1, got " + referenceHoldout);
        }
        if (!(feedbackHoldout >= 0 && feedbackHoldout < 1)) {
            throw new IllegalArgumentException("feedback held-out share must be in [0, 1), got " + feedbackHoldout);
        }
        this.referenceHoldout = referenceHoldout;
        this.seed = seed;
        this.feedbackHoldout = feedbackHoldout;
    }

    /**
     * Feedback with a label the reference data lacks is left out (the models compared must share their labels).
     * Both sets hold each text and label once, and the training set holds no text of the evaluation set.
     */
    public RetrainData split(Dataset reference, Dataset feedback) {
        List<String> labels = reference.labels();
        Fold fold = StratifiedKFold.holdout(reference.labelIndices(labels), referenceHoldout, seed);
        Set<LabeledText> evaluation = new LinkedHashSet<>(reference.subset(fold.test()).examples());
        int referenceEvaluation = evaluation.size();
        List<LabeledText> feedbackTraining = new ArrayList<>();
        int outsideLabels = 0;
        for (LabeledText example : feedback.examples()) {
            if (!labels.contains(example.label())) {
                outsideLabels++;
            } else if (share(example) < feedbackHoldout) {
                evaluation.add(example);
            } else {
                feedbackTraining.add(example);
            }
        }
        int feedbackEvaluation = evaluation.size() - referenceEvaluation;

        Set<String> evaluationTexts = new HashSet<>();
        evaluation.forEach(example -> evaluationTexts.add(example.text()));
        Set<LabeledText> training = new LinkedHashSet<>();
        for (LabeledText example : reference.subset(fold.train()).examples()) {
            if (!evaluationTexts.contains(example.text())) {
                training.add(example);
            }
        }
        int referenceTraining = training.size();
        for (LabeledText example : feedbackTraining) {
            if (!evaluationTexts.contains(example.text())) {
                training.add(example);
            }
        }
        String source = reference.source() + " + " + feedback.source();
        String sha256 = sha256(reference.sha256() + "\n" + feedback.sha256());
        return new RetrainData(new Dataset(source, sha256, List.copyOf(training)),
                new Dataset(source, sha256, List.copyOf(evaluation)), referenceEvaluation, feedbackEvaluation,
                training.size() - referenceTraining, outsideLabels);
    }

    /** A number in [0, 1) fixed by the example's text and label. */
    static double share(LabeledText example) {
        byte[] digest = digest(example.text() + "\u0000" + example.label());
        return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
    }

    private static String sha256(String text) {
        return java.util.HexFormat.of().formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
