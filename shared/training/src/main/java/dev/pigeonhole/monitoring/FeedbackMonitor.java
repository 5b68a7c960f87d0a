package dev.pigeonhole.monitoring;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.text.TextNormalizer;
import dev.pigeonhole.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares the feedback with the reference data the model learnt from, like Evidently's data and
 * target drift presets: label and predicted-class distributions and text length (PSI), the share
 * of words the model does not know, and the model's quality on the corrected examples.
 */
public final class FeedbackMonitor {

    /** Rise of the out-of-vocabulary rate (absolute) that deserves a look, and one that deserves action. */
    static final double OOV_WARNING = 0.05;
    static final double OOV_ALERT = 0.15;
    /** Fall of macro-F1 on feedback below the held-out figure that deserves a look, and action. */
    static final double F1_WARNING = 0.05;
    static final double F1_ALERT = 0.15;

    private final TextNormalizer normalizer = new TextNormalizer();
    private final Tokenizer tokenizer = new Tokenizer();

    /**
     * Checks {@code feedback} against {@code reference} for {@code model}, whose held-out macro-F1
     * ({@code heldOutMacroF1}, NaN when unknown) is the yardstick for its quality on feedback.
     */
    public MonitoringReport analyse(Dataset reference, List<FeedbackRecord> feedback, TextModel model,
                                    double heldOutMacroF1) {
        if (feedback.isEmpty()) {
            return new MonitoringReport(0, null, List.of());
        }
        Map<String, Long> referenceLabels = reference.labelCounts();
        List<DriftCheck> checks = new ArrayList<>();
        checks.add(distributionCheck("label distribution", referenceLabels,
                count(feedback, FeedbackRecord::trueLabel),
                "true labels of the feedback against the labels of the reference data"));
        checks.add(distributionCheck("predicted class distribution", referenceLabels,
                count(feedback, FeedbackRecord::predictedLabel),
                "classes the model predicted for the feedback texts against the reference labels"));
        checks.add(lengthCheck(reference, feedback));
        checks.add(vocabularyCheck(reference, feedback, model));
        ClassificationMetrics metrics = feedbackMetrics(feedback, model);
        checks.add(qualityCheck(metrics, heldOutMacroF1));
        return new MonitoringReport(feedback.size(), metrics, checks);
    }

    private static DriftCheck distributionCheck(String name, Map<String, Long> reference, Map<String, Long> current,
                                                String what) {
        double psi = PopulationStability.index(reference, current);
        Verdict verdict = PopulationStability.verdict(psi);
        String explanation = String.format(Locale.ROOT, "%s: PSI %.3f, %s", what, psi, switch (verdict) {
            case OK -> "stable (below 0.1)";
            case WARNING -> "moderate shift (0.1 to 0.25): watch the classes that moved";
            case ALERT -> "significant shift (above 0.25): the feedback does not look like the training data";
        });
        return new DriftCheck(name, "PSI", psi, verdict, explanation, reference, current);
    }

    private DriftCheck lengthCheck(Dataset reference, List<FeedbackRecord> feedback) {
        List<Integer> referenceLengths = reference.examples().stream().map(e -> words(e.text())).toList();
        List<Integer> feedbackLengths = feedback.stream().map(f -> words(f.text())).toList();
        LengthBuckets buckets = LengthBuckets.fromReference(referenceLengths);
        DriftCheck check = distributionCheck("text length (words)", buckets.counts(referenceLengths),
                buckets.counts(feedbackLengths), "lengths of the feedback texts against the reference deciles");
        return check;
    }

    private DriftCheck vocabularyCheck(Dataset reference, List<FeedbackRecord> feedback, TextModel model) {
        double referenceRate = outOfVocabularyRate(reference.examples().stream().map(LabeledText::text).toList(), model);
        double feedbackRate = outOfVocabularyRate(feedback.stream().map(FeedbackRecord::text).toList(), model);
        double rise = feedbackRate - referenceRate;
        Verdict verdict = rise > OOV_ALERT ? Verdict.ALERT : rise > OOV_WARNING ? Verdict.WARNING : Verdict.OK;
        String explanation = String.format(Locale.ROOT,
                "%.1f%% of feedback words are unknown to the model, against %.1f%% of reference words (%+.1f points)%s",
                100 * feedbackRate, 100 * referenceRate, 100 * rise, verdict == Verdict.OK ? ""
                        : ": new vocabulary the model cannot use; retraining on the feedback should help");
        return new DriftCheck("out-of-vocabulary rate", "rate rise", rise, verdict, explanation, Map.of(), Map.of());
    }

    private static DriftCheck qualityCheck(ClassificationMetrics metrics, double heldOutMacroF1) {
        double drop = Double.isNaN(heldOutMacroF1) ? 0 : heldOutMacroF1 - metrics.macroF1();
        Verdict verdict = drop > F1_ALERT ? Verdict.ALERT : drop > F1_WARNING ? Verdict.WARNING : Verdict.OK;
        String explanation = String.format(Locale.ROOT,
                "macro-F1 %.3f, balanced accuracy %.3f on %d corrected examples%s. People correct wrong answers more "
                        + "often than they confirm right ones, so this figure is a lower bound",
                metrics.macroF1(), metrics.balancedAccuracy(), metrics.count(), Double.isNaN(heldOutMacroF1) ? ""
                        : String.format(Locale.ROOT, ", against %.3f on held-out data", heldOutMacroF1));
        return new DriftCheck("quality on feedback", "macro-F1 drop", drop, verdict, explanation, Map.of(), Map.of());
    }

    private static ClassificationMetrics feedbackMetrics(List<FeedbackRecord> feedback, TextModel model) {
        TreeSet<String> labels = new TreeSet<>(model.labels());
        feedback.forEach(f -> {
            labels.add(f.trueLabel());
            labels.add(f.predictedLabel());
        });
        List<String> all = List.copyOf(labels);
        int[] truth = feedback.stream().mapToInt(f -> all.indexOf(f.trueLabel())).toArray();
        int[] predicted = feedback.stream().mapToInt(f -> all.indexOf(f.predictedLabel())).toArray();
        return ClassificationMetrics.of(all, truth, predicted);
    }

    private double outOfVocabularyRate(List<String> texts, TextModel model) {
        long words = 0;
        long unknown = 0;
        for (String text : texts) {
            for (String token : tokenizer.tokenize(normalizer.normalize(text))) {
                words++;
                if (!model.features().knows(token)) {
                    unknown++;
                }
            }
        }
        return words == 0 ? 0 : unknown / (double) words;
    }

    private int words(String text) {
        return tokenizer.tokenize(normalizer.normalize(text)).size();
    }

    private static Map<String, Long> count(List<FeedbackRecord> feedback, Function<FeedbackRecord, String> label) {
        Map<String, Long> counts = new TreeMap<>();
        feedback.forEach(f -> counts.merge(label.apply(f), 1L, Long::sum));
        return counts;
    }
}
