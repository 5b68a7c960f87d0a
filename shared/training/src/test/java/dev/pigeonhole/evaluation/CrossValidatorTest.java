package dev.pigeonhole.evaluation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CrossValidatorTest {

    private static final double EPS = 1e-12;
    private static final List<String> ABC = List.of("a", "b", "c");

    /*
     * y = a b c a b c a b c a b c. Even indices are predicted right, odd ones as a:
     *   a at 0 3 6 9   → all right (3 and 9 are odd but truly a)   → row a = [4, 0, 0]
     *   b at 1 4 7 10  → 4 and 10 right, 1 and 7 predicted a      → row b = [2, 2, 0]
     *   c at 2 5 8 11  → 2 and 8 right, 5 and 11 predicted a      → row c = [2, 0, 2]
     * pooled accuracy = 8/12, whatever the folds.
     */
    @Test
    void pooledMetricsCoverEveryOutOfFoldPrediction() {
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        CrossValidator cv = new CrossValidator(new StratifiedKFold(3, 42L));

        CrossValidationResult result = cv.run(y, ABC, (train, test) ->
                Arrays.stream(test).map(i -> i % 2 == 0 ? y[i] : 0).toArray());

        assertEquals(2.0 / 3, result.pooled().accuracy(), EPS);
        assertEquals(12, result.pooled().count());
        assertArrayEquals(new int[][] {{4, 0, 0}, {2, 2, 0}, {2, 0, 2}}, result.pooled().confusionMatrix().counts());
        assertEquals(3, result.folds());
        assertEquals(42L, result.seed());
    }

    /*
     * Classes of 6, 3, 3 over 3 folds put exactly 2 a, 1 b, 1 c in every test fold. Predicting c as a gives
     * every fold accuracy 3/4 and macro F1 (f1 a = 4/5, b = 1, c = 0)/3 = 0.6, so both std are 0.
     */
    @Test
    void identicalFoldsHaveZeroSpread() {
        int[] y = StratifiedKFoldTest.labels(6, 3, 3);
        CrossValidator cv = new CrossValidator(new StratifiedKFold(3, 5L));

        CrossValidationResult result = cv.run(y, ABC, (train, test) ->
                Arrays.stream(test).map(i -> y[i] == 2 ? 0 : y[i]).toArray());

        assertEquals(0.75, result.meanAccuracy(), EPS);
        assertEquals(0.0, result.stdAccuracy(), EPS);
        assertEquals(0.6, result.meanMacroF1(), EPS);
        assertEquals(0.0, result.stdMacroF1(), EPS);
        assertEquals(0.75, result.pooled().accuracy(), EPS);
        assertEquals(0.6, result.pooled().macroF1(), EPS);
    }

    /*
     * Binary, 3 folds of 2. The fold holding sample 0 is predicted perfectly, the others exactly wrong, so fold
     * accuracy and macro F1 are {1, 0, 0}: mean 1/3, population std sqrt(((2/3)² + 2·(1/3)²)/3) = sqrt(2)/3.
     */
    @Test
    void spreadIsThePopulationStandardDeviationOverFolds() {
        int[] y = {0, 1, 0, 1, 0, 1};
        CrossValidator cv = new CrossValidator(new StratifiedKFold(3, 0L));

        CrossValidationResult result = cv.run(y, List.of("no", "yes"), (train, test) -> {
            boolean perfect = Arrays.stream(test).anyMatch(i -> i == 0);
            return Arrays.stream(test).map(i -> perfect ? y[i] : 1 - y[i]).toArray();
        });

        assertEquals(1.0 / 3, result.meanAccuracy(), EPS);
        assertEquals(Math.sqrt(2) / 3, result.stdAccuracy(), EPS);
        assertEquals(1.0 / 3, result.meanMacroF1(), EPS);
        assertEquals(Math.sqrt(2) / 3, result.stdMacroF1(), EPS);
        assertEquals(1.0 / 3, result.pooled().accuracy(), EPS);
    }

    @Test
    void evaluatorTrainsOnExactlyTheIndicesItDoesNotTest() {
        int[] y = StratifiedKFoldTest.labels(4, 4);
        List<int[]> tested = new ArrayList<>();

        new CrossValidator(new StratifiedKFold(4, 1L)).run(y, List.of("p", "q"), (train, test) -> {
            int[] both = IntStream.concat(Arrays.stream(train), Arrays.stream(test)).sorted().toArray();
            assertArrayEquals(IntStream.range(0, 8).toArray(), both);
            tested.add(test);
            return Arrays.stream(test).map(i -> y[i]).toArray();
        });

        assertEquals(4, tested.size());
        assertArrayEquals(IntStream.range(0, 8).toArray(),
                tested.stream().flatMapToInt(Arrays::stream).sorted().toArray());
    }

    @Test
    void listenerHearsEachFoldInOrderWithItsMetrics() {
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        List<String> heard = new ArrayList<>();

        new CrossValidator(new StratifiedKFold(3, 42L)).run(y, ABC,
                (train, test) -> Arrays.stream(test).map(i -> y[i]).toArray(),
                (fold, folds, metrics) -> heard.add(fold + "/" + folds + " n=" + metrics.count()
                        + " acc=" + metrics.accuracy()));

        assertEquals(List.of("0/3 n=4 acc=1.0", "1/3 n=4 acc=1.0", "2/3 n=4 acc=1.0"), heard);
    }

    @Test
    void rejectsAnEvaluatorReturningTheWrongNumberOfPredictions() {
        int[] y = {0, 1, 0, 1};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossValidator(new StratifiedKFold(2, 0L)).run(y, List.of("no", "yes"),
                        (train, test) -> new int[] {0}));

        assertEquals("fold 0: the evaluator returned 1 predictions for 2 test samples", e.getMessage());
    }

    @Test
    void rejectsAPredictionOutsideTheLabels() {
        int[] y = {0, 1, 0, 1};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossValidator(new StratifiedKFold(2, 0L)).run(y, List.of("no", "yes"),
                        (train, test) -> new int[] {0, 2}));

        assertEquals("predicted[1] = 2 is not a label index in [0, 2)", e.getMessage());
    }
}
