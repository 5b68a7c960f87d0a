package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.classification.Maxent;

import java.util.List;
import java.util.Map;

/** Smile's {@link Maxent}: multinomial logistic regression on binary (present/absent) features. */
public final class MaxentTrainer implements ClassifierTrainer {

    private final LbfgsSettings settings;

    public MaxentTrainer(double lambda, double tolerance, int maxIterations) {
        this.settings = new LbfgsSettings(lambda, tolerance, maxIterations);
    }

    @Override
    public String algorithm() {
        return "maxent";
    }

    @Override
    public Map<String, String> parameters() {
        return settings.asMap();
    }

    @Override
    public ProbabilisticClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        int[][] binary = x.stream().map(SmileFeatures::binary).toArray(int[][]::new);
        Maxent model = Maxent.fit(dimension, binary, y, settings.lambda(), settings.tolerance(), settings.maxIterations());
        return new SmileClassifier((v, posteriori) -> model.predict(SmileFeatures.binary(v), posteriori), numClasses);
    }
}
