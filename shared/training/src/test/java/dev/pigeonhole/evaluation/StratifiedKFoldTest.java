package dev.pigeonhole.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StratifiedKFoldTest {

    /** Class 0 has 10 members, class 1 has 5, class 2 has 15, interleaved. */
    private static final int[] Y = labels(10, 5, 15);

    @Test
    void sameSeedGivesSameFolds() {
        assertEquals(new StratifiedKFold(5, 7L).split(Y), new StratifiedKFold(5, 7L).split(Y));
    }

    @Test
    void differentSeedGivesDifferentFolds() {
        assertNotEquals(new StratifiedKFold(5, 7L).split(Y), new StratifiedKFold(5, 8L).split(Y));
    }

    @Test
    void everyIndexIsInExactlyOneTestFoldAndTrainIsTheRest() {
        List<Fold> folds = new StratifiedKFold(4, 1L).split(labels(9, 6, 5));
        int n = 20;

        int[] timesTested = new int[n];
        for (Fold fold : folds) {
            for (int i : fold.test()) {
                timesTested[i]++;
            }
            int[] both = IntStream.concat(Arrays.stream(fold.train()), Arrays.stream(fold.test())).sorted().toArray();
            assertArrayEquals(IntStream.range(0, n).toArray(), both);
        }
        int[] once = new int[n];
        Arrays.fill(once, 1);
        assertArrayEquals(once, timesTested);
    }

    @Test
    void classesDivisibleByFoldsAreSplitExactlyInProportion() {
        List<Fold> folds = new StratifiedKFold(5, 3L).split(Y);

        assertEquals(5, folds.size());
        for (Fold fold : folds) {
            assertArrayEquals(new int[] {2, 1, 3}, classCounts(Y, fold.test(), 3));
            assertArrayEquals(new int[] {8, 4, 12}, classCounts(Y, fold.train(), 3));
        }
    }

    /*
     * Class 0 (7 members) is dealt to folds 0,1,2,0,1,2,0 → 3,2,2; the deal continues, so class 1 (3 members)
     * goes to folds 1,2,0 → 1,1,1. Test folds hold 4, 3, 3 samples whatever the seed.
     */
    @Test
    void unevenClassesDifferByAtMostOnePerFoldAndTheDealContinuesAcrossClasses() {
        int[] y = labels(7, 3);
        for (long seed = 0; seed < 5; seed++) {
            List<Fold> folds = new StratifiedKFold(3, seed).split(y);

            assertArrayEquals(new int[] {3, 1}, classCounts(y, folds.get(0).test(), 2));
            assertArrayEquals(new int[] {2, 1}, classCounts(y, folds.get(1).test(), 2));
            assertArrayEquals(new int[] {2, 1}, classCounts(y, folds.get(2).test(), 2));
        }
    }

    @Test
    void foldIndicesAreAscending() {
        for (Fold fold : new StratifiedKFold(3, 11L).split(Y)) {
            assertArrayEquals(Arrays.stream(fold.test()).sorted().toArray(), fold.test());
            assertArrayEquals(Arrays.stream(fold.train()).sorted().toArray(), fold.train());
        }
    }

    @Test
    void rejectsFewerThanTwoFolds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StratifiedKFold(1, 0L));

        assertEquals("folds must be at least 2, got 1", e.getMessage());
    }

    @Test
    void rejectsAClassSmallerThanTheFoldCountNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StratifiedKFold(3, 0L).split(labels(4, 2, 5)));

        assertEquals("class 1 has 2 members, fewer than the 3 folds", e.getMessage());
    }

    @Test
    void rejectsNegativeClassIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StratifiedKFold(2, 0L).split(new int[] {0, 1, -1, 0, 1}));

        assertEquals("y[2] = -1 is not a class index", e.getMessage());
    }

    @Test
    void classIndexWithNoMembersIsIgnored() {
        int[] y = {0, 2, 0, 2};

        List<Fold> folds = new StratifiedKFold(2, 0L).split(y);

        for (Fold fold : folds) {
            assertArrayEquals(new int[] {1, 0, 1}, classCounts(y, fold.test(), 3));
        }
    }

    /* Class sizes 10, 5, 3 at share 0.2 → round(2.0) = 2, round(1.0) = 1, round(0.6) = 1 in test. */
    @Test
    void holdoutTakesTheRoundedShareOfEachClass() {
        int[] y = labels(10, 5, 3);

        Fold split = StratifiedKFold.holdout(y, 0.2, 5L);

        assertArrayEquals(new int[] {2, 1, 1}, classCounts(y, split.test(), 3));
        assertArrayEquals(new int[] {8, 4, 2}, classCounts(y, split.train(), 3));
    }

    /*
     * Share 0.1: class 0 (2 members) rounds to 0 but gets 1; class 1 (1 member) stays in train;
     * share 0.8: class 0 (2 members) rounds to 2 but keeps 1 for training.
     */
    @Test
    void holdoutKeepsEveryClassOfTwoOrMoreOnBothSides() {
        int[] y = {0, 1, 0};

        Fold small = StratifiedKFold.holdout(y, 0.1, 0L);
        Fold large = StratifiedKFold.holdout(y, 0.8, 0L);

        assertArrayEquals(new int[] {1, 0}, classCounts(y, small.test(), 2));
        assertArrayEquals(new int[] {1, 1}, classCounts(y, small.train(), 2));
        assertArrayEquals(new int[] {1, 0}, classCounts(y, large.test(), 2));
        assertArrayEquals(new int[] {1, 1}, classCounts(y, large.train(), 2));
    }

    @Test
    void holdoutIsDeterministicAndPartitionsTheIndices() {
        int[] y = labels(10, 5, 15);

        Fold split = StratifiedKFold.holdout(y, 0.3, 9L);

        assertEquals(split, StratifiedKFold.holdout(y, 0.3, 9L));
        assertNotEquals(split, StratifiedKFold.holdout(y, 0.3, 10L));
        int[] both = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 30).toArray(), both);
    }

    @Test
    void holdoutRejectsShareOutsideTheOpenUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.holdout(Y, 0.0, 0L));
        assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.holdout(Y, 1.0, 0L));
        assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.holdout(Y, Double.NaN, 0L));
    }

    /** Labels with the given class sizes, interleaved so no class sits in one block. */
    static int[] labels(int... sizes) {
        int n = Arrays.stream(sizes).sum();
        int[] y = new int[n];
        int[] left = sizes.clone();
        int at = 0;
        while (at < n) {
            for (int c = 0; c < left.length; c++) {
                if (left[c] > 0) {
                    y[at++] = c;
                    left[c]--;
                }
            }
        }
        return y;
    }

    static int[] classCounts(int[] y, int[] indices, int classes) {
        int[] counts = new int[classes];
        for (int i : indices) {
            counts[y[i]]++;
        }
        return counts;
    }
}
