package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;

import java.util.List;

/** A servable text classifier: TF-IDF features, a linear softmax classifier and its labels. */
public final class TextModel {

    private final TfIdfModel features;
    private final LinearSoftmaxClassifier classifier;
    private final List<String> labels;

    public TextModel(TfIdfModel features, LinearSoftmaxClassifier classifier, List<String> labels) {
        if (classifier.dimension() != features.dimension()) {
            throw new IllegalArgumentException("classifier expects " + classifier.dimension()
                    + " features but the vocabulary has " + features.dimension());
        }
        if (classifier.numClasses() != labels.size()) {
            throw new IllegalArgumentException("classifier has " + classifier.numClasses()
                    + " classes but " + labels.size() + " labels were given");
        }
        this.features = features;
        this.classifier = classifier;
        this.labels = List.copyOf(labels);
    }

    public TfIdfModel features() {
        return features;
    }

    public LinearSoftmaxClassifier classifier() {
        return classifier;
    }

    public List<String> labels() {
        return labels;
    }

    /** The same model with its probabilities rescaled by {@code temperature}; predictions do not change. */
    public TextModel withTemperature(double temperature) {
        return new TextModel(features, classifier.withTemperature(temperature), labels);
    }

    /** Classifies {@code text}: features are computed once and scored by every class. */
    public Classification classify(String text) {
        SparseVector x = features.transform(text);
        return new Classification(labels, classifier.probabilities(x), x.size());
    }
}
