package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TextFeatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A servable text classifier: text features (a TF-IDF vocabulary or hashed n-grams), a linear softmax classifier and its labels. */
public final class TextModel {

    private final TextFeatures features;
    private final LinearSoftmaxClassifier classifier;
    private final List<String> labels;

    public TextModel(TextFeatures features, LinearSoftmaxClassifier classifier, List<String> labels) {
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

    public TextFeatures features() {
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
        SparseVector x = features.transformForScoring(text);
        return new Classification(labels, classifier.probabilities(x), x.size());
    }

    /**
     * The (at most) {@code n} features of {@code text} that raised class {@code classIndex} most against the others,
     * largest first: feature value times the class's weight minus the mean weight of all classes, so exactly what
     * the feature adds to the class's score beyond what it adds to every class alike (a softmax ignores that part; a
     * multinomial model whose reference class has weights 0 gets its features named too). Features that lowered it
     * are left out.
     */
    public List<FeatureContribution> explain(String text, int classIndex, int n) {
        SparseVector x = features.transform(text);
        int[] indices = x.indices();
        float[] values = x.values();
        // A partial selection: n is small, a text has a few thousand features at most.
        int[] top = new int[Math.min(n, indices.length)];
        double[] topContribution = new double[top.length];
        int size = 0;
        for (int i = 0; i < indices.length; i++) {
            double contribution = classifier.relativeWeight(classIndex, indices[i]) * values[i];
            if (contribution <= 0 || (size == top.length && contribution <= topContribution[size - 1])) {
                continue;
            }
            int at = size < top.length ? size++ : size - 1;
            while (at > 0 && topContribution[at - 1] < contribution) {
                top[at] = top[at - 1];
                topContribution[at] = topContribution[at - 1];
                at--;
            }
            top[at] = indices[i];
            topContribution[at] = contribution;
        }
        int[] chosen = Arrays.copyOf(top, size);
        String[] names = features.names(text, chosen);
        List<FeatureContribution> explanation = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            explanation.add(new FeatureContribution(names[i], topContribution[i]));
        }
        return explanation;
    }
}
