package dev.pigeonhole.training.tabular;

import java.util.Arrays;
import java.util.Objects;

/** One labelled row of numbers, its values in the data set's feature order. */
public record LabeledRow(double[] values, String label) {

    public LabeledRow {
        values = values.clone();
        Objects.requireNonNull(label, "label");
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    double value(int feature) {
        return values[feature];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabeledRow row && label.equals(row.label) && Arrays.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + label.hashCode();
    }

    @Override
    public String toString() {
        return label + " " + Arrays.toString(values);
    }
}
