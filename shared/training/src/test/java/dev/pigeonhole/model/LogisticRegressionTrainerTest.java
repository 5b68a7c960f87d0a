package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;
import org.junit.jupiter.api.Test;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LogisticRegressionTrainerTest {

    @Test
    void exportedArraysGiveSmilesOwnProbabilities() {
        TfIdfModel features = new TfIdfVectorizer(1, 1, 1).fit(TinyCorpus.TEXTS);
        List<SparseVector> x = TinyCorpus.TEXTS.stream().map(features::transform).toList();
        SparseDataset data = SparseDataset.of(x.stream().map(SmileFeatures::weighted).toList(), features.dimension());
        SparseLogisticRegression.Multinomial smile = SparseLogisticRegression.multinomial(data, TinyCorpus.Y, 0.1, 1e-6, 500);

        LinearSoftmaxClassifier exported = new LogisticRegressionTrainer(0.1, 1e-6, 500)
                .fit(x, TinyCorpus.Y, 3, features.dimension());

        for (SparseVector v : x) {
            double[] expected = new double[3];
            smile.predict(SmileFeatures.weighted(v), expected);
            assertArrayEquals(expected, exported.probabilities(v), 1e-5);
        }
    }

    @Test
    void twoClassProblemsUseTheBinomialModel() {
        List<String> texts = TinyCorpus.TEXTS.subList(0, 8);
        int[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        TfIdfModel features = new TfIdfVectorizer(1, 1, 1).fit(texts);
        List<SparseVector> x = texts.stream().map(features::transform).toList();
        LinearSoftmaxClassifier model = new LogisticRegressionTrainer(0.1, 1e-6, 500).fit(x, y, 2, features.dimension());
        for (int i = 0; i < x.size(); i++) {
            assertEquals(y[i], model.predict(x.get(i)));
        }
    }
}
