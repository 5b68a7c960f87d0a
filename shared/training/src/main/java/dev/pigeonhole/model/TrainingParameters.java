package dev.pigeonhole.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every choice that shapes a trained text model: word n-gram range, minimum document frequency,
 * and the logistic regression's L2 penalty and stopping rule.
 */
public record TrainingParameters(int ngramMin, int ngramMax, int minDocumentFrequency,
                                 double lambda, double tolerance, int maxIterations) implements TextModelRecipe {

    /**
     * Chosen by cross-validation on the 20 Newsgroups training split (see BENCHMARKS.md); the penalty
     * is only the starting point, {@link dev.pigeonhole.training.RegularisationSearch} picks it per data set.
     */
    public static TrainingParameters defaults() {
        return new TrainingParameters(1, 2, 2, 1e-3, 1e-5, 200);
    }

    public TrainingParameters {
        if (ngramMin < 1 || ngramMax < ngramMin) {
            throw new IllegalArgumentException("n-gram range must satisfy 1 <= min <= max");
        }
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minimum document frequency must be at least 1");
        }
        new LbfgsSettings(lambda, tolerance, maxIterations);
    }

    /** The same parameters with another L2 penalty. */
    public TrainingParameters withLambda(double newLambda) {
        return new TrainingParameters(ngramMin, ngramMax, minDocumentFrequency, newLambda, tolerance, maxIterations);
    }

    public LogisticRegressionTrainer trainer() {
        return new LogisticRegressionTrainer(lambda, tolerance, maxIterations);
    }

    @Override
    public String algorithm() {
        return LogisticRegressionTrainer.ALGORITHM;
    }

    @Override
    public TextModel train(List<String> texts, int[] y, List<String> labels) {
        return new TextModelTrainer(this).train(texts, y, labels);
    }

    /** As recorded in a manifest. */
    @Override
    public Map<String, String> asMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ngram_range", ngramMin + "-" + ngramMax);
        p.put("min_document_frequency", Integer.toString(minDocumentFrequency));
        p.put("term_frequency", "sublinear");
        p.put("idf", "smooth");
        p.put("norm", "l2");
        p.putAll(trainer().parameters());
        return p;
    }
}
