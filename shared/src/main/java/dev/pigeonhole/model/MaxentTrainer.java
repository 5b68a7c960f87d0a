package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.classification.Maxent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Smile's {@link Maxent}: multinomial logistic regression on binary (present/absent) features. */
public final class MaxentTrainer implements ClassifierTrainer {

    private final double lambda;
    private final double tolerance;
    private final int maxIterations;

    public MaxentTrainer(double lambda, double tolerance, int maxIterations) {
        this.lambda = lambda;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    @Override
    public String algorithm() {
        return "maxent";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("lambda", Double.toString(lambda));
        p.put("tolerance", Double.toString(tolerance));
        p.put("max_iterations", Integer.toString(maxIterations));
        return p;
    }

    @Override
    public ProbabilisticClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        int[][] binary = x.stream().map(SmileFeatures::binary).toArray(int[][]::new);
        Maxent model = Maxent.fit(dimension, binary, y, lambda, tolerance, maxIterations);
        return new SmileClassifier<>(model, SmileFeatures::binary, numClasses);
    }
}
