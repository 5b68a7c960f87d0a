package dev.pigeonhole.evaluation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Multi-class scores of one set of predictions, defined as in scikit-learn with {@code zero_division=0}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ClassificationMetrics(
        double accuracy,
        double balancedAccuracy,
        double macroPrecision,
        double macroRecall,
        double macroF1,
        double weightedPrecision,
        double weightedRecall,
        double weightedF1,
        int count,
        List<ClassMetrics> perClass,
        ConfusionMatrix confusionMatrix) {

    public ClassificationMetrics {
        Objects.requireNonNull(perClass, "perClass");
        Objects.requireNonNull(confusionMatrix, "confusionMatrix");
        perClass = List.copyOf(perClass);
    }

    /**
     * Scores predictions against the truth; see {@link #of(ConfusionMatrix)} for the definitions.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold an index outside the labels
     */
    public static ClassificationMetrics of(List<String> labels, int[] truth, int[] predicted) {
        return of(ConfusionMatrix.of(labels, truth, predicted));
    }

    /**
     * Scores the predictions tallied in a confusion matrix.
     *
     * <p>Per label: precision = tp / (tp + fp), recall = tp / (tp + fn), f1 = 2tp / (2tp + fp + fn), each 0 when
     * its denominator is 0 (a label never predicted has precision 0). Macro averages weight every label of the
     * matrix equally, including labels absent from the truth; weighted averages weight each label by its support.
     * Balanced accuracy is the mean recall over the labels that have support.
     *
     * @throws IllegalArgumentException if the matrix holds no samples
     */
    public static ClassificationMetrics of(ConfusionMatrix matrix) {
        int n = matrix.total();
        if (n == 0) {
            throw new IllegalArgumentException("cannot score zero samples");
        }
        int k = matrix.size();
        List<ClassMetrics> perClass = new ArrayList<>(k);
        double sumPrecision = 0;
        double sumRecall = 0;
        double sumF1 = 0;
        double weightedPrecision = 0;
        double weightedRecall = 0;
        double weightedF1 = 0;
        double sumSupportedRecall = 0;
        int supportedLabels = 0;
        for (int c = 0; c < k; c++) {
            int tp = matrix.count(c, c);
            int support = matrix.rowTotal(c);
            int predictedAsC = matrix.columnTotal(c);
            int fp = predictedAsC - tp;
            int fn = support - tp;
            double precision = ratio(tp, predictedAsC);
            double recall = ratio(tp, support);
            double f1 = ratio(2.0 * tp, 2.0 * tp + fp + fn);
            perClass.add(new ClassMetrics(matrix.labels().get(c), precision, recall, f1, support));
            sumPrecision += precision;
            sumRecall += recall;
            sumF1 += f1;
            weightedPrecision += precision * support;
            weightedRecall += recall * support;
            weightedF1 += f1 * support;
            if (support > 0) {
                sumSupportedRecall += recall;
                supportedLabels++;
            }
        }
        return new ClassificationMetrics(
                (double) matrix.correct() / n,
                sumSupportedRecall / supportedLabels,
                sumPrecision / k,
                sumRecall / k,
                sumF1 / k,
                weightedPrecision / n,
                weightedRecall / n,
                weightedF1 / n,
                n,
                perClass,
                matrix);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    /** The headline scores under their snake_case names, in a fixed order. */
    public Map<String, Double> summary() {
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("accuracy", accuracy);
        summary.put("balanced_accuracy", balancedAccuracy);
        summary.put("macro_precision", macroPrecision);
        summary.put("macro_recall", macroRecall);
        summary.put("macro_f1", macroF1);
        summary.put("weighted_precision", weightedPrecision);
        summary.put("weighted_recall", weightedRecall);
        summary.put("weighted_f1", weightedF1);
        return Collections.unmodifiableMap(summary);
    }
}
