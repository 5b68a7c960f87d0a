package dev.pigeonhole.evaluation;

/** Trains on one fold's training indices and predicts the label indices of its test indices. */
@FunctionalInterface
public interface FoldEvaluator {

    /**
     * @param trainIdx sample indices to train on
     * @param testIdx  sample indices to predict
     * @return predicted label index per element of {@code testIdx}, in the same order
     */
    int[] predict(int[] trainIdx, int[] testIdx);
}
