package dev.pigeonhole.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Counts of (true label, predicted label) pairs: rows are the true label, columns the prediction. */
@Serdeable
@JsonPropertyOrder({"labels", "counts"})
public record ConfusionMatrix(List<String> labels, int[][] counts) {

    public ConfusionMatrix {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(counts, "counts");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one label");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels must be distinct: " + labels);
        }
        int k = labels.size();
        if (counts.length != k) {
            throw new IllegalArgumentException(
                    "counts has " + counts.length + " rows but there are " + k + " labels");
        }
        int[][] copy = new int[k][];
        for (int row = 0; row < k; row++) {
            if (counts[row] == null || counts[row].length != k) {
                throw new IllegalArgumentException("counts row " + row + " must have " + k + " columns");
            }
            for (int value : counts[row]) {
                if (value < 0) {
                    throw new IllegalArgumentException("counts row " + row + " has a negative count " + value);
                }
            }
            copy[row] = counts[row].clone();
        }
        counts = copy;
    }

    /**
     * Tallies predictions against the truth.
     *
     * @param labels    label names; a value {@code i} in {@code truth} or {@code predicted} means {@code labels.get(i)}
     * @param truth     true label index per sample
     * @param predicted predicted label index per sample, aligned with {@code truth}
     * @throws IllegalArgumentException if the arrays differ in length or an index is outside the labels
     */
    public static ConfusionMatrix of(List<String> labels, int[] truth, int[] predicted) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " samples but predicted has "
                    + predicted.length);
        }
        int k = labels.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            requireLabelIndex("truth", i, truth[i], k);
            requireLabelIndex("predicted", i, predicted[i], k);
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    private static void requireLabelIndex(String array, int sample, int index, int labelCount) {
        if (index < 0 || index >= labelCount) {
            throw new IllegalArgumentException(array + "[" + sample + "] = " + index
                    + " is not a label index in [0, " + labelCount + ")");
        }
    }

    /** Returns a copy, so the matrix stays immutable. */
    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            copy[row] = counts[row].clone();
        }
        return copy;
    }

    /** Number of labels (rows, and columns). */
    public int size() {
        return labels.size();
    }

    /** Samples whose true label is {@code truth} and predicted label is {@code predicted}. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Samples whose true label is {@code truth} (the support of that label). */
    public int rowTotal(int truth) {
        int sum = 0;
        for (int value : counts[truth]) {
            sum += value;
        }
        return sum;
    }

    /** Samples predicted as {@code predicted}. */
    public int columnTotal(int predicted) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[predicted];
        }
        return sum;
    }

    /** Samples predicted correctly (the trace). */
    public int correct() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** All samples. */
    public int total() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += rowTotal(i);
        }
        return sum;
    }

    // Records compare arrays by reference; a matrix is a value, so compare the counts.
    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that
                && labels.equals(that.labels)
                && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[labels=" + labels + ", counts=" + Arrays.deepToString(counts) + "]";
    }
}
