package dev.pigeonhole.text;

import java.util.Arrays;

/**
 * A sparse feature vector: distinct feature indices, strictly increasing unless made for scoring only
 * ({@link TextFeatures#transformForScoring}), and their values.
 */
public record SparseVector(int[] indices, float[] values) {

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public int size() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector other
                && Arrays.equals(indices, other.indices)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SparseVector[");
        for (int i = 0; i < indices.length; i++) {
            s.append(i == 0 ? "" : ", ").append(indices[i]).append(':').append(values[i]);
        }
        return s.append(']').toString();
    }
}
