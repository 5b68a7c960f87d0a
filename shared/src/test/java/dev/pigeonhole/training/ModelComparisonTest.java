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
}
