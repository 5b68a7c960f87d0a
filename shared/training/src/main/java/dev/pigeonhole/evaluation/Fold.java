package dev.pigeonhole.evaluation;

import java.util.Arrays;
import java.util.Objects;

/** One train/test partition of sample indices, each side in ascending order. */
public record Fold(int[] train, int[] test) {

    public Fold {
        train = Objects.requireNonNull(train, "train").clone();
        test = Objects.requireNonNull(test, "test").clone();
    }

    /** Returns a copy, so the fold stays immutable. */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** Returns a copy, so the fold stays immutable. */
    @Override
    public int[] test() {
        return test.clone();
    }

    // Records compare arrays by reference; a fold is a value, so compare the indices.
    @Override
    public boolean equals(Object other) {
        return other instanceof Fold that && Arrays.equals(train, that.train) && Arrays.equals(test, that.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Fold[train=" + Arrays.toString(train) + ", test=" + Arrays.toString(test) + "]";
    }
}
