package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;

/** A trained classifier that gives a probability for every class, summing to 1. */
public interface ProbabilisticClassifier {

    int numClasses();

    /** Probability of each class for {@code x}, indexed like the labels the classifier was trained on. */
    double[] probabilities(SparseVector x);

    /** The most probable class; ties go to the lowest index. */
    default int predict(SparseVector x) {
        return argMax(probabilities(x));
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
