package dev.pigeonhole.evaluation;

import java.util.List;
import java.util.Objects;

/** Runs a {@link FoldEvaluator} over stratified folds and scores its out-of-fold predictions. */
public final class CrossValidator {

    private final StratifiedKFold kfold;

    public CrossValidator(StratifiedKFold kfold) {
        this.kfold = Objects.requireNonNull(kfold, "kfold");
    }

    /** Same as {@link #run(int[], List, FoldEvaluator, FoldListener)} without a listener. */
    public CrossValidationResult run(int[] y, List<String> labels, FoldEvaluator evaluator) {
        return run(y, labels, evaluator, FoldListener.NONE);
    }

    /**
     * Cross-validates: for each fold, asks {@code evaluator} for predictions of the test indices (it trains on the
     * training indices), scores them, and tells {@code listener}. Every sample is predicted exactly once, by the
     * model that did not see it; those predictions are pooled into one set of metrics.
     *
     * @param y         true label index per sample
     * @param labels    label names, indexed by the values in {@code y}
     * @param evaluator trains and predicts one fold
     * @param listener  called after each fold, in fold order
     * @throws IllegalArgumentException if the evaluator returns the wrong number of predictions or an index outside
     *                                  the labels, or if {@link StratifiedKFold#split(int[])} rejects {@code y}
     */
    public CrossValidationResult run(int[] y, List<String> labels, FoldEvaluator evaluator, FoldListener listener) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(listener, "listener");
        List<Fold> folds = kfold.split(y);
        int[] outOfFold = new int[y.length];
        double[] accuracy = new double[folds.size()];
        double[] macroF1 = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            int[] test = fold.test();
            // The evaluator gets its own copy: it may reorder or overwrite it without corrupting the scoring below.
            int[] predicted = evaluator.predict(fold.train(), test.clone());
            if (predicted == null || predicted.length != test.length) {
                throw new IllegalArgumentException("fold " + f + ": the evaluator returned "
                        + (predicted == null ? "null" : predicted.length + " predictions")
                        + " for " + test.length + " test samples");
            }
            int[] truth = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                truth[i] = y[test[i]];
                outOfFold[test[i]] = predicted[i];
            }
            ClassificationMetrics metrics = ClassificationMetrics.of(labels, truth, predicted);
            accuracy[f] = metrics.accuracy();
            macroF1[f] = metrics.macroF1();
            listener.foldFinished(f, folds.size(), metrics);
        }
        return new CrossValidationResult(
                kfold.folds(),
                kfold.seed(),
                mean(accuracy),
                populationStd(accuracy),
                mean(macroF1),
                populationStd(macroF1),
                ClassificationMetrics.of(labels, y, outOfFold));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double populationStd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }
}
