package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;

/**
 * A multinomial linear model kept as plain arrays: score of class c is
 * {@code bias[c] + sum_j weights[c][j] * x_j}; probabilities are the softmax of the scores divided
 * by a temperature (1 = uncalibrated). Immutable and thread-safe.
 */
public final class LinearSoftmaxClassifier implements ProbabilisticClassifier {

    private final float[][] weights;
    private final float[] bias;
    private final double temperature;

    public LinearSoftmaxClassifier(float[][] weights, float[] bias, double temperature) {
        if (weights.length != bias.length || weights.length < 2) {
            throw new IllegalArgumentException("need one weight row and one bias per class, at least 2 classes");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        int dimension = weights[0].length;
        for (float[] row : weights) {
            if (row.length != dimension) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
        }
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
    }

    @Override
    public int numClasses() {
        return bias.length;
    }

    public int dimension() {
        return weights[0].length;
    }

    public double temperature() {
        return temperature;
    }

    public float[][] weights() {
        return weights;
    }

    public float[] bias() {
        return bias;
    }

    /** The same model with another temperature. */
    public LinearSoftmaxClassifier withTemperature(double newTemperature) {
        return new LinearSoftmaxClassifier(weights, bias, newTemperature);
    }

    /** Raw class scores (logits) before the temperature. */
    public double[] scores(SparseVector x) {
        int[] indices = x.indices();
        float[] values = x.values();
        double[] scores = new double[bias.length];
        for (int c = 0; c < scores.length; c++) {
            float[] w = weights[c];
            double s = bias[c];
            for (int i = 0; i < indices.length; i++) {
                s += w[indices[i]] * values[i];
            }
            scores[c] = s;
        }
        return scores;
    }

    @Override
    public double[] probabilities(SparseVector x) {
        return Softmax.apply(scores(x), temperature);
    }
}
