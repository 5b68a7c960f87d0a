package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.classification.Classifier;

import java.util.function.Function;

/** Adapts a soft Smile classifier, with the feature conversion it needs, to {@link ProbabilisticClassifier}. */
final class SmileClassifier<T> implements ProbabilisticClassifier {

    private final Classifier<T> classifier;
    private final Function<SparseVector, T> features;
    private final int numClasses;

    SmileClassifier(Classifier<T> classifier, Function<SparseVector, T> features, int numClasses) {
        this.classifier = classifier;
        this.features = features;
        this.numClasses = numClasses;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public double[] probabilities(SparseVector x) {
        double[] posteriori = new double[numClasses];
        classifier.predict(features.apply(x), posteriori);
        return posteriori;
    }
}
