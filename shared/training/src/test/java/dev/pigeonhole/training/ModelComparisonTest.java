package dev.pigeonhole.training;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelComparisonTest {

    private static final List<String> LABELS = List.of("a", "b");

    /** Metrics of {@code correct} right answers out of 10. */
    private static ClassificationMetrics correct(int correct) {
        int[] truth = new int[10];
        int[] predicted = new int[10];
        for (int i = 0; i < 10; i++) {
            truth[i] = i % 2;
            predicted[i] = i < correct ? truth[i] : 1 - truth[i];
        }
        return ClassificationMetrics.of(LABELS, truth, predicted);
    }

    @Test
    void candidateWithinTheTolerancePromotes() {
        ModelComparison comparison = new ModelComparison(ModelComparison.Score.of(correct(8)), ModelComparison.Score.of(correct(9)), "v1", 0.1);

        assertTrue(comparison.promote());
        assertEquals("promoted: candidate accuracy 0.8000 >= current (v1) 0.9000 - tolerance 0.1000",
                comparison.decision());
    }

    @Test
    void candidateBelowTheToleranceKeepsProduction() {
        ModelComparison comparison = new ModelComparison(ModelComparison.Score.of(correct(7)), ModelComparison.Score.of(correct(9)), "v1", 0.1);

        assertFalse(comparison.promote());
        assertEquals("not promoted, production keeps v1: candidate accuracy 0.7000 < current (v1) 0.9000 - tolerance 0.1000",
                comparison.decision());
        assertEquals(0.0, comparison.figures().get("promoted"));
    }

    @Test
    void emptyProductionPromotesAndRecordsNoCurrentFigures() {
        ModelComparison comparison = new ModelComparison(ModelComparison.Score.of(correct(5)), null, null, 0.01);

        assertTrue(comparison.promote());
        assertEquals("promoted: no model in production; candidate accuracy 0.5000", comparison.decision());
        assertEquals(Map.of("candidate_accuracy", 0.5, "candidate_macro_f1", correct(5).macroF1(), "tolerance", 0.01,
                "promoted", 1.0), comparison.figures());
    }

    @Test
    void aCandidateBetterOnTheFeedbackButWorseOnTheReferenceDataIsNotPromoted() {
        ModelComparison comparison = new ModelComparison(new ModelComparison.Score(0.95, 0.95),
                new ModelComparison.Score(0.80, 0.80), "v1", 0.01, 0.70, 0.90);

        assertFalse(comparison.promote());
        assertEquals("not promoted, production keeps v1 (the candidate lost accuracy on the reference evaluation data): "
                + "candidate accuracy 0.9500 >= current (v1) 0.8000 - tolerance 0.0100; on the reference evaluation data "
                + "0.7000 < 0.9000 - tolerance", comparison.decision());
        assertEquals(0.0, comparison.figures().get("promoted"));
        assertEquals(0.70, comparison.figures().get("reference_accuracy"));
        assertEquals(0.90, comparison.figures().get("current_reference_accuracy"));
    }

    @Test
    void aCandidateWithinTheToleranceOnBothIsPromoted() {
        ModelComparison comparison = new ModelComparison(new ModelComparison.Score(0.80, 0.80),
                new ModelComparison.Score(0.80, 0.80), "v1", 0.01, 0.895, 0.90);

        assertTrue(comparison.promote(), comparison.decision());
    }

    @Test
    void withoutTheCurrentReferenceFigureOnlyTheOverallAccuracyDecides() {
        ModelComparison comparison = new ModelComparison(new ModelComparison.Score(0.80, 0.80),
                new ModelComparison.Score(0.80, 0.80), "v1", 0.01, 0.10, null);

        assertTrue(comparison.promote(), comparison.decision());
        assertEquals(0.10, comparison.figures().get("reference_accuracy"), "recorded for the next retrain");
        assertFalse(comparison.figures().containsKey("current_reference_accuracy"));
    }
}
