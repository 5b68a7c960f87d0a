package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;

/** Adapts a soft Smile classifier, through the call that fills its posterior probabilities, to {@link ProbabilisticClassifier}. */
final class SmileClassifier implements ProbabilisticClassifier {

    /** Fills {@code posteriori} with the class probabilities of {@code x}, converting features as the model needs. */
    @FunctionalInterface
    interface Posterior {
        void fill(SparseVector x, double[] posteriori);
    }

    private final Posterior posterior;
    private final int numClasses;

    SmileClassifier(Posterior posterior, int numClasses) {
        this.posterior = posterior;
        this.numClasses = numClasses;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public double[] probabilities(SparseVector x) {
        double[] posteriori = new double[numClasses];
        posterior.fill(x, posteriori);
        return posteriori;
    }
}
