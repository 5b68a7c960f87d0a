package dev.pigeonhole.model.tabular;

/** A classifier of rows of numbers, read from plain arrays: a probability per class for one row. */
public interface TabularClassifier {

    int numClasses();

    int numFeatures();

    /** The probability of every class for row {@code x} (features in the model's order), summing to 1. */
    double[] probabilities(double[] x);

    /** What the model is, for the format's {@code kind} field: {@code forest} or {@code linear}. */
    String kind();
}
