package dev.pigeonhole.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassificationMetricsTest {

    private static final double EPS = 1e-12;

    /*
     * Worked by hand. Support a=4, b=3, c=3; c is never predicted.
     *            pred a  pred b  pred c
     *   true a      3       1       0
     *   true b      1       2       0
     *   true c      1       2       0
     * precision a = 3/5, b = 2/5, c = 0 (never predicted)
     * recall    a = 3/4, b = 2/3, c = 0
     * f1        a = 6/9, b = 4/8, c = 0          (2tp / (2tp + fp + fn))
     * accuracy = 5/10; macro P = 1/3; macro R = (3/4 + 2/3)/3 = 17/36; macro F1 = (2/3 + 1/2)/3 = 7/18
     * weighted P = (4·3/5 + 3·2/5)/10 = 0.36; weighted R = 0.5; weighted F1 = (4·2/3 + 3·1/2)/10 = 5/12
     * balanced accuracy = mean recall over a, b, c (all have support) = 17/36
     */
    private static final List<String> LABELS = List.of("a", "b", "c");
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 0, 1, 1, 1, 0, 0, 1, 1};

    @Test
    void threeClassExampleMatchesHandComputedAverages() {
        ClassificationMetrics m = ClassificationMetrics.of(LABELS, TRUTH, PREDICTED);

        assertEquals(0.5, m.accuracy(), EPS);
        assertEquals(17.0 / 36, m.balancedAccuracy(), EPS);
        assertEquals(1.0 / 3, m.macroPrecision(), EPS);
        assertEquals(17.0 / 36, m.macroRecall(), EPS);
        assertEquals(7.0 / 18, m.macroF1(), EPS);
        assertEquals(0.36, m.weightedPrecision(), EPS);
        assertEquals(0.5, m.weightedRecall(), EPS);
        assertEquals(5.0 / 12, m.weightedF1(), EPS);
        assertEquals(10, m.count());
        assertArrayEquals(new int[][] {{3, 1, 0}, {1, 2, 0}, {1, 2, 0}}, m.confusionMatrix().counts());
    }

    @Test
    void threeClassExampleMatchesHandComputedPerClassScores() {
        List<ClassMetrics> perClass = ClassificationMetrics.of(LABELS, TRUTH, PREDICTED).perClass();

        assertEquals(3, perClass.size());
        assertClass("a", 0.6, 0.75, 2.0 / 3, 4, perClass.get(0));
        assertClass("b", 0.4, 2.0 / 3, 0.5, 3, perClass.get(1));
    }

    @Test
    void classNeverPredictedHasZeroPrecisionRecallAndF1() {
        ClassMetrics c = ClassificationMetrics.of(LABELS, TRUTH, PREDICTED).perClass().get(2);

        assertClass("c", 0.0, 0.0, 0.0, 3, c);
    }

    /*
     * truth [a, a, b, b], predicted [a, c, b, b]: c has no support but is predicted once.
     * recall a = 1/2, b = 1, c = 0 → macro recall = 1.5/3 = 0.5, balanced accuracy = (1/2 + 1)/2 = 0.75
     * precision a = 1, b = 1, c = 0/1 = 0 → macro P = 2/3; weighted P = (2·1 + 2·1 + 0·0)/4 = 1
     * f1 a = 2/3, b = 1, c = 0 → macro F1 = 5/9
     */
    @Test
    void balancedAccuracySkipsLabelsWithoutSupportWhileMacroRecallCountsThem() {
        ClassificationMetrics m = ClassificationMetrics.of(LABELS, new int[] {0, 0, 1, 1}, new int[] {0, 2, 1, 1});

        assertEquals(0.75, m.accuracy(), EPS);
        assertEquals(0.75, m.balancedAccuracy(), EPS);
        assertEquals(0.5, m.macroRecall(), EPS);
        assertEquals(2.0 / 3, m.macroPrecision(), EPS);
        assertEquals(1.0, m.weightedPrecision(), EPS);
        assertEquals(5.0 / 9, m.macroF1(), EPS);
        assertClass("c", 0.0, 0.0, 0.0, 0, m.perClass().get(2));
    }

    @Test
    void perfectPredictionsScoreOneEverywhere() {
        int[] y = {0, 1, 2, 2, 1};
        ClassificationMetrics m = ClassificationMetrics.of(LABELS, y, y);

        m.summary().forEach((name, value) -> assertEquals(1.0, value, EPS, name));
    }

    @Test
    void summaryListsTheHeadlineScoresInOrder() {
        Map<String, Double> summary = ClassificationMetrics.of(LABELS, TRUTH, PREDICTED).summary();

        assertEquals(List.of("accuracy", "balanced_accuracy", "macro_precision", "macro_recall", "macro_f1",
                "weighted_precision", "weighted_recall", "weighted_f1"), List.copyOf(summary.keySet()));
        double[] expected = {0.5, 17.0 / 36, 1.0 / 3, 17.0 / 36, 7.0 / 18, 0.36, 0.5, 5.0 / 12};
        assertArrayEquals(expected, summary.values().stream().mapToDouble(Double::doubleValue).toArray(), EPS);
    }

    @Test
    void rejectsZeroSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(LABELS, new int[0], new int[0]));

        assertEquals("cannot score zero samples", e.getMessage());
    }

    private static void assertClass(String label, double precision, double recall, double f1, int support,
                                    ClassMetrics actual) {
        assertEquals(label, actual.label());
        assertEquals(precision, actual.precision(), EPS, label + " precision");
        assertEquals(recall, actual.recall(), EPS, label + " recall");
        assertEquals(f1, actual.f1(), EPS, label + " f1");
        assertEquals(support, actual.support(), label + " support");
    }
}
