package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;

import java.util.List;

/** Fits the TF-IDF features and the logistic regression of a {@link TextModel} on labelled texts. */
public final class TextModelTrainer {

    private final TrainingParameters parameters;

    public TextModelTrainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    public TrainingParameters parameters() {
        return parameters;
    }

    /** Trains on {@code texts} with label indices {@code y} into {@code labels}; temperature 1. */
    public TextModel train(List<String> texts, int[] y, List<String> labels) {
        TfIdfModel features = new TfIdfVectorizer(parameters.ngramMin(), parameters.ngramMax(),
                parameters.minDocumentFrequency()).fit(texts);
        List<SparseVector> x = texts.stream().map(features::transform).toList();
        LinearSoftmaxClassifier classifier = parameters.trainer().fit(x, y, labels.size(), features.dimension());
        return new TextModel(features, classifier, labels);
    }
}
