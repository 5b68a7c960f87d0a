package dev.pigeonhole.training;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The candidate and the model in production scored on the same evaluation set, and the decision: promote the candidate
 * when its accuracy is at least the current accuracy minus the tolerance, or when nothing is in production. When both
 * accuracies on the reference part of the evaluation set are known, the candidate must also keep that one within the
 * tolerance, whatever the feedback part says: feedback can be forged, the reference data cannot, so a candidate that
 * learnt a flood of wrong labels (and so agrees with the flood's held-out share) still cannot replace production.
 */
public record ModelComparison(Score candidate, @Nullable Score current, @Nullable String currentVersion, double tolerance,
                              @Nullable Double candidateReference, @Nullable Double currentReference) {

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

    /** Without the reference-data gate (no reference figures known). */
    public ModelComparison(Score candidate, @Nullable Score current, @Nullable String currentVersion, double tolerance) {
        this(candidate, current, currentVersion, tolerance, null, null);
    }

    /** True when the candidate should serve production. */
    public boolean promote() {
        return current == null || (notWorseOverall() && notWorseOnReference());
    }

    private boolean notWorseOverall() {
        return candidate.accuracy() >= current.accuracy() - tolerance;
    }

    private boolean referenceGateApplies() {
        return current != null && candidateReference != null && currentReference != null;
    }

    private boolean notWorseOnReference() {
        return !referenceGateApplies() || candidateReference >= currentReference - tolerance;
    }

    /** One sentence with the figures that decided. */
    public String decision() {
        if (current == null) {
            return String.format(Locale.ROOT, "promoted: no model in production; candidate accuracy %.4f",
                    candidate.accuracy());
        }
        String overall = String.format(Locale.ROOT, "candidate accuracy %.4f %s current (%s) %.4f - tolerance %.4f",
                candidate.accuracy(), notWorseOverall() ? ">=" : "<", currentVersion, current.accuracy(), tolerance);
        String reference = !referenceGateApplies() ? "" : String.format(Locale.ROOT,
                "; on the reference evaluation data %.4f %s %.4f - tolerance", candidateReference,
                notWorseOnReference() ? ">=" : "<", currentReference);
        String verdict = promote() ? "promoted"
                : "not promoted, production keeps " + currentVersion
                        + (notWorseOverall() ? " (the candidate lost accuracy on the reference evaluation data)" : "");
        return verdict + ": " + overall + reference;
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
        if (candidateReference != null) {
            // Under its plain name too: the next retrain compares against this version's reference accuracy.
            figures.put(REFERENCE_ACCURACY, candidateReference);
        }
        if (referenceGateApplies()) {
            figures.put("current_reference_accuracy", currentReference);
        }
        figures.put("tolerance", tolerance);
        figures.put("promoted", promote() ? 1.0 : 0.0);
        return figures;
    }

    /** The manifest metric holding a version's accuracy on the reference part of the fixed evaluation set. */
    public static final String REFERENCE_ACCURACY = "reference_accuracy";
}
