package dev.pigeonhole.evaluation;

/** Hears about each cross-validation fold as soon as it has been scored, e.g. to report progress. */
@FunctionalInterface
public interface FoldListener {

    /** Does nothing. */
    FoldListener NONE = (fold, folds, metrics) -> { };

    /**
     * @param fold    zero-based index of the fold just finished
     * @param folds   total number of folds
     * @param metrics scores of that fold's test predictions
     */
    void foldFinished(int fold, int folds, ClassificationMetrics metrics);
}
