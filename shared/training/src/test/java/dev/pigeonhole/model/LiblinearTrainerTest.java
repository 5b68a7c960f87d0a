package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiblinearTrainerTest {

    private final TfIdfModel features = new TfIdfVectorizer(1, 2, 1).fit(TinyCorpus.TEXTS);
    private final List<SparseVector> x = TinyCorpus.TEXTS.stream().map(features::transform).toList();

    @ParameterizedTest
    @EnumSource(LiblinearTrainer.Solver.class)
    void everySolverLearnsTheTinyTopics(LiblinearTrainer.Solver solver) {
        LinearSoftmaxClassifier classifier = new LiblinearTrainer(solver, 10, 1e-4, 1)
                .fit(x, TinyCorpus.Y, 3, features.dimension());
        for (int i = 0; i < x.size(); i++) {
            assertEquals(TinyCorpus.Y[i], classifier.predict(x.get(i)), TinyCorpus.TEXTS.get(i));
        }
        assertEquals(0, classifier.predict(features.transform("a probe in orbit around the planet")));
    }

    @Test
    void theSameSeedTrainsTheSameWeights() {
        LiblinearTrainer trainer = LiblinearTrainer.svm(1);
        LinearSoftmaxClassifier first = trainer.fit(x, TinyCorpus.Y, 3, features.dimension());
        LinearSoftmaxClassifier second = trainer.fit(x, TinyCorpus.Y, 3, features.dimension());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(first.weights()[c], second.weights()[c]);
        }
    }

    @Test
    void twoClassesScoreOppositeMarginsSoTheSoftmaxIsTheLogistic() {
        int[] y = new int[x.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = TinyCorpus.Y[i] == 1 ? 1 : 0;
        }
        LinearSoftmaxClassifier classifier = LiblinearTrainer.svm(1).fit(x, y, 2, features.dimension());
        double[] scores = classifier.scores(features.transform("the team won the game"));
        assertEquals(-scores[0], scores[1], 1e-6);
        assertTrue(scores[1] > 0);
    }
}
