package dev.pigeonhole.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfusionMatrixTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void rowsAreTrueLabelsAndColumnsArePredictions() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS,
                new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 1, 1, 1, 2, 0});

        assertArrayEquals(new int[][] {{1, 2, 0}, {0, 1, 1}, {1, 0, 0}}, m.counts());
        assertEquals(2, m.count(0, 1));
        assertEquals(3, m.rowTotal(0));
        assertEquals(3, m.columnTotal(1));
        assertEquals(2, m.correct());
        assertEquals(6, m.total());
        assertEquals(3, m.size());
    }

    @Test
    void emptyInputGivesAllZeroMatrix() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, new int[0], new int[0]);

        assertArrayEquals(new int[3][3], m.counts());
        assertEquals(0, m.total());
    }

    @Test
    void rejectsArraysOfDifferentLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(LABELS, new int[] {0, 1, 2}, new int[] {0, 1}));

        assertEquals("truth has 3 samples but predicted has 2", e.getMessage());
    }

    @Test
    void rejectsPredictedIndexBeyondTheLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(LABELS, new int[] {0, 1, 2}, new int[] {0, 1, 3}));

        assertEquals("predicted[2] = 3 is not a label index in [0, 3)", e.getMessage());
    }

    @Test
    void rejectsNegativeTrueIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(LABELS, new int[] {0, -1}, new int[] {0, 1}));

        assertEquals("truth[1] = -1 is not a label index in [0, 3)", e.getMessage());
    }

    @Test
    void rejectsCountsThatDoNotMatchTheLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrix(LABELS, new int[][] {{1, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrix(LABELS, new int[][] {{1, 0, 0}, {0, 1}, {0, 0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrix(List.of("a", "a"), new int[2][2]));
    }

    @Test
    void cannotBeChangedThroughItsArrays() {
        int[][] counts = {{1, 0}, {0, 1}};
        ConfusionMatrix m = new ConfusionMatrix(List.of("x", "y"), counts);
        counts[0][0] = 99;
        m.counts()[1][1] = 99;

        assertArrayEquals(new int[][] {{1, 0}, {0, 1}}, m.counts());
    }

    @Test
    void equalityComparesCountsNotArrayIdentity() {
        ConfusionMatrix one = new ConfusionMatrix(List.of("x", "y"), new int[][] {{1, 2}, {3, 4}});
        ConfusionMatrix same = new ConfusionMatrix(List.of("x", "y"), new int[][] {{1, 2}, {3, 4}});
        ConfusionMatrix other = new ConfusionMatrix(List.of("x", "y"), new int[][] {{1, 2}, {3, 5}});

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, other);
        assertEquals("ConfusionMatrix[labels=[x, y], counts=[[1, 2], [3, 4]]]", one.toString());
    }
}
