package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NbSvmTrainerTest {

    private final TfIdfModel features = new TfIdfVectorizer(1, 2, 1).fit(TinyCorpus.TEXTS);
    private final List<SparseVector> x = TinyCorpus.TEXTS.stream().map(features::transform).toList();

    @Test
    void learnsTheTinyTopics() {
        LinearSoftmaxClassifier classifier = new NbSvmTrainer(1, 1, 1e-4, 1).fit(x, TinyCorpus.Y, 3, features.dimension());
        for (int i = 0; i < x.size(); i++) {
            assertEquals(TinyCorpus.Y[i], classifier.predict(x.get(i)), TinyCorpus.TEXTS.get(i));
        }
        assertEquals(0, classifier.predict(features.transform("a probe in orbit around the planet")));
    }

    @Test
    void theLogCountRatioComparesSmoothedSharesInAndOutOfTheClass() {
        // Feature 0: 2 in the class, 0 elsewhere; feature 1: 0 in the class, 3 elsewhere. With alpha 1 the class's
        // smoothed counts are 3 and 1 (of 4), the others' 1 and 4 (of 5).
        float[] ratio = new NbSvmTrainer(1, 1, 0.1, 1).logCountRatio(new double[] {2, 0}, new double[] {2, 3});
        assertEquals(Math.log(3.0 / 4 / (1.0 / 5)), ratio[0], 1e-6);
        assertEquals(Math.log(1.0 / 4 / (4.0 / 5)), ratio[1], 1e-6);
    }

    @Test
    void aClassAbsentFromTheTrainingDataScoresFarBelow() {
        LinearSoftmaxClassifier classifier = new NbSvmTrainer(1, 1, 0.1, 1).fit(x, TinyCorpus.Y, 4, features.dimension());
        double[] scores = classifier.scores(features.transform("the team won the game"));
        assertTrue(scores[3] < -100, "absent class scored " + scores[3]);
    }

    @Test
    void theSameSeedTrainsTheSameWeights() {
        NbSvmTrainer trainer = new NbSvmTrainer(1, 1, 0.1, 1);
        LinearSoftmaxClassifier first = trainer.fit(x, TinyCorpus.Y, 3, features.dimension());
        LinearSoftmaxClassifier second = trainer.fit(x, TinyCorpus.Y, 3, features.dimension());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(first.weights()[c], second.weights()[c]);
        }
    }
}
