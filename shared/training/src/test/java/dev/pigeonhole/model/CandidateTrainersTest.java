package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import smile.classification.DiscreteNaiveBayes;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every candidate compared in BENCHMARKS.md trains and predicts with Smile's native BLAS/ARPACK
 * jars excluded from the build (see the root pom), with probabilities that sum to 1.
 */
class CandidateTrainersTest {

    static Stream<Arguments> candidates() {
        return Stream.of(
                Arguments.of(new LogisticRegressionTrainer(0.1, 1e-6, 300), 0),
                Arguments.of(new MaxentTrainer(0.1, 1e-6, 300), 0),
                Arguments.of(new NaiveBayesTrainer(DiscreteNaiveBayes.Model.TWCNB, 1), 0),
                Arguments.of(new BinarySvmTrainer(1, 1e-3), 0));
    }

    @ParameterizedTest
    @MethodSource("candidates")
    void trainsWithoutNativeLibrariesAndFitsTheTrainingSet(ClassifierTrainer trainer, int expectedErrors) {
        TfIdfModel features = new TfIdfVectorizer(1, 2, 1).fit(TinyCorpus.TEXTS);
        List<SparseVector> x = TinyCorpus.TEXTS.stream().map(features::transform).toList();
        ProbabilisticClassifier classifier = trainer.fit(x, TinyCorpus.Y, 3, features.dimension());
        int errors = 0;
        for (int i = 0; i < x.size(); i++) {
            double[] p = classifier.probabilities(x.get(i));
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9, trainer.describe());
            if (ProbabilisticClassifier.argMax(p) != TinyCorpus.Y[i]) {
                errors++;
            }
        }
        assertEquals(expectedErrors, errors, trainer.describe());
    }
}
