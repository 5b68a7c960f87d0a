package dev.pigeonhole.training;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The candidate and the model in production scored on the same evaluation set, and the decision: promote the candidate
 * when its accuracy is at least the current accuracy minus the tolerance, or when nothing is in production.
 */
public record ModelComparison(Score candidate, @Nullable Score current, @Nullable String currentVersion, double tolerance) {

    /** Accuracy and macro-F1 of one model on the evaluation set (or the best unbiased estimate of them). */
    public record Score(double accuracy, double macroF1) {

        public static Score of(ClassificationMetrics metrics) {
            return new Score(metrics.accuracy(), metrics.macroF1());
        }
    }

    public ModelComparison {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
        if ((current == null) != (currentVersion == null)) {
            throw new IllegalArgumentException("the current model's metrics and version go together");
        }
    }

    /** True when the candidate should serve production. */
    public boolean promote() {
        return current == null || candidate.accuracy() >= current.accuracy() - tolerance;
    }

    /** One sentence with the figures that decided. */
    public String decision() {
        if (current == null) {
            return String.format(Locale.ROOT, "promoted: no model in production; candidate accuracy %.4f",
                    candidate.accuracy());
        }
        return String.format(Locale.ROOT, "%s: candidate accuracy %.4f %s current (%s) %.4f - tolerance %.4f",
                promote() ? "promoted" : "not promoted, production keeps " + currentVersion, candidate.accuracy(),
                promote() ? ">=" : "<", currentVersion, current.accuracy(), tolerance);
    }

    /** The figures for a manifest's metrics; {@code promoted} is 1 or 0. */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("candidate_accuracy", candidate.accuracy());
        figures.put("candidate_macro_f1", candidate.macroF1());
        if (current != null) {
            figures.put("current_accuracy", current.accuracy());
            figures.put("current_macro_f1", current.macroF1());
        }
        figures.put("tolerance", tolerance);
        figures.put("promoted", promote() ? 1.0 : 0.0);
        return figures;
    }
}
