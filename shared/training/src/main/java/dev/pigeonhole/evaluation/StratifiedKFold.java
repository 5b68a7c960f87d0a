package dev.pigeonhole.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Deterministic stratified k-fold and holdout splits: every part keeps each class in proportion. */
public final class StratifiedKFold {

    private final int folds;
    private final long seed;

    /**
     * @param folds number of folds, at least 2
     * @param seed  seed of the shuffle; the same seed and labels always give the same folds
     */
    public StratifiedKFold(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        }
        this.folds = folds;
        this.seed = seed;
    }

    public int folds() {
        return folds;
    }

    public long seed() {
        return seed;
    }

    /**
     * Splits sample indices into {@link #folds()} folds. Each class's indices are shuffled and dealt round-robin,
     * the deal continuing across classes, so each class's count per test fold differs by at most one and so do
     * the test fold sizes. Every index is in exactly one test fold.
     *
     * @param y class index per sample (non-negative)
     * @throws IllegalArgumentException if a class has fewer members than there are folds
     */
    public List<Fold> split(int[] y) {
        List<List<Integer>> byClass = shuffledIndicesByClass(y, seed);
        for (int c = 0; c < byClass.size(); c++) {
            int members = byClass.get(c).size();
            if (members > 0 && members < folds) {
                throw new IllegalArgumentException("class " + c + " has " + members
                        + " members, fewer than the " + folds + " folds");
            }
        }
        int[] foldOf = new int[y.length];
        int dealt = 0;
        for (List<Integer> members : byClass) {
            for (int index : members) {
                foldOf[index] = dealt++ % folds;
            }
        }
        List<Fold> result = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            result.add(partition(foldOf, f));
        }
        return List.copyOf(result);
    }

    /**
     * A stratified single train/test split. Each class puts round(testShare × count) of its shuffled members in
     * the test side, at least 1 when the class has 2 or more members and at most count − 1, so every class is
     * still in the training side.
     *
     * @param y         class index per sample (non-negative)
     * @param testShare fraction of each class to hold out, strictly between 0 and 1
     * @param seed      seed of the shuffle
     */
    public static Fold holdout(int[] y, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1), got " + testShare);
        }
        int[] inTest = new int[y.length];
        for (List<Integer> members : shuffledIndicesByClass(y, seed)) {
            int count = members.size();
            if (count == 0) {
                continue;
            }
            int take = (int) Math.round(testShare * count);
            if (count >= 2) {
                take = Math.max(1, Math.min(count - 1, take));
            } else {
                take = 0;
            }
            for (int i = 0; i < take; i++) {
                inTest[members.get(i)] = 1;
            }
        }
        return partition(inTest, 1);
    }

    /** Indices grouped by class index (ascending), each group shuffled by one generator seeded with {@code seed}. */
    private static List<List<Integer>> shuffledIndicesByClass(int[] y, long seed) {
        Objects.requireNonNull(y, "y");
        if (y.length == 0) {
            throw new IllegalArgumentException("y holds no samples");
        }
        int classes = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a class index");
            }
            classes = Math.max(classes, y[i] + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
        Random random = new Random(seed);
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
        }
        return byClass;
    }

    /** The fold whose test side is every index tagged {@code testTag}, the rest being the training side. */
    private static Fold partition(int[] tags, int testTag) {
        int testSize = 0;
        for (int tag : tags) {
            if (tag == testTag) {
                testSize++;
            }
        }
        int[] train = new int[tags.length - testSize];
        int[] test = new int[testSize];
        int trainAt = 0;
        int testAt = 0;
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == testTag) {
                test[testAt++] = i;
            } else {
                train[trainAt++] = i;
            }
        }
        return new Fold(train, test);
    }

    @Override
    public String toString() {
        return "StratifiedKFold[folds=" + folds + ", seed=" + seed + "]";
    }
}
