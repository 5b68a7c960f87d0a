package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;

import java.util.List;
import java.util.Map;

/** One candidate learning algorithm with fixed hyper-parameters. */
public interface ClassifierTrainer {

    /** Short algorithm name as recorded in manifests and benchmark tables. */
    String algorithm();

    /** Every hyper-parameter, as recorded in the manifest. */
    Map<String, String> parameters();

    /**
     * Trains on {@code x} with class indices {@code y} in {@code [0, numClasses)}; {@code dimension}
     * is the number of features.
     */
    ProbabilisticClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension);

    /** A readable one-line description, e.g. {@code logistic-regression(lambda=1e-4)}. */
    default String describe() {
        StringBuilder s = new StringBuilder(algorithm()).append('(');
        String separator = "";
        for (Map.Entry<String, String> p : parameters().entrySet()) {
            s.append(separator).append(p.getKey()).append('=').append(p.getValue());
            separator = ", ";
        }
        return s.append(')').toString();
    }
}
