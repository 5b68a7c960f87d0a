package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;

/**
 * A multinomial linear model kept as plain arrays: score of class c is
 * {@code bias[c] + sum_j weights[c][j] * x_j}; probabilities are the softmax of the scores divided
 * by a temperature (1 = uncalibrated). The weights are stored feature by feature (the k weights of a
 * feature side by side), so that scoring a text touches one cache line per feature rather than one per
 * feature and class; each class's sum still runs in feature order. Immutable and thread-safe.
 */
public final class LinearSoftmaxClassifier implements ProbabilisticClassifier {

    private final float[] packed;
    private final int dimension;
    private final float[] bias;
    private final double temperature;

    /** From one weight row per class. */
    public LinearSoftmaxClassifier(float[][] weights, float[] bias, double temperature) {
        this(pack(weights, bias), weights.length == 0 ? 0 : weights[0].length, bias, temperature);
    }

    private LinearSoftmaxClassifier(float[] packed, int dimension, float[] bias, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        if (packed.length != (long) dimension * bias.length) {
            throw new IllegalArgumentException("need " + bias.length + " x " + dimension + " weights, got " + packed.length);
        }
        this.packed = packed;
        this.dimension = dimension;
        this.bias = bias;
        this.temperature = temperature;
    }

    /** From weights stored feature by feature: {@code packed[j * k + c]} is feature j's weight for class c. */
    public static LinearSoftmaxClassifier featureMajor(float[] packed, float[] bias, double temperature) {
        if (bias.length < 2 || packed.length % bias.length != 0) {
            throw new IllegalArgumentException("need at least 2 classes and k weights per feature");
        }
        return new LinearSoftmaxClassifier(packed, packed.length / bias.length, bias, temperature);
    }

    private static float[] pack(float[][] weights, float[] bias) {
        if (weights.length != bias.length || weights.length < 2) {
            throw new IllegalArgumentException("need one weight row and one bias per class, at least 2 classes");
        }
        int k = weights.length;
        int dimension = weights[0].length;
        float[] packed = new float[k * dimension];
        for (int c = 0; c < k; c++) {
            float[] row = weights[c];
            if (row.length != dimension) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
            for (int j = 0; j < dimension; j++) {
                packed[j * k + c] = row[j];
            }
        }
        return packed;
    }

    @Override
    public int numClasses() {
        return bias.length;
    }

    public int dimension() {
        return dimension;
    }

    public double temperature() {
        return temperature;
    }

    /** Feature {@code j}'s weight for class {@code c}. */
    public float weight(int c, int j) {
        return packed[j * bias.length + c];
    }

    /** Feature {@code j}'s weight for class {@code c} minus its mean weight over the classes. */
    public double relativeWeight(int c, int j) {
        int k = bias.length;
        int base = j * k;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += packed[base + i];
        }
        return packed[base + c] - sum / k;
    }

    /** A copy of the weights, one row per class. */
    public float[][] weights() {
        int k = bias.length;
        float[][] rows = new float[k][dimension];
        for (int j = 0; j < dimension; j++) {
            for (int c = 0; c < k; c++) {
                rows[c][j] = packed[j * k + c];
            }
        }
        return rows;
    }

    public float[] bias() {
        return bias;
    }

    /** The same model with another temperature. */
    public LinearSoftmaxClassifier withTemperature(double newTemperature) {
        return new LinearSoftmaxClassifier(packed, dimension, bias, newTemperature);
    }

    /** Raw class scores (logits) before the temperature. */
    public double[] scores(SparseVector x) {
        int[] indices = x.indices();
        float[] values = x.values();
        int k = bias.length;
        double[] scores = new double[k];
        // A few classes per pass over the features, each class summed in a local variable: one sum per class kept in
        // an array waits on its own store at every feature. Each class still adds its terms in feature order, so the
        // scores are exactly what one class at a time gives.
        int c = 0;
        for (; c + 4 <= k; c += 4) {
            double s0 = bias[c];
            double s1 = bias[c + 1];
            double s2 = bias[c + 2];
            double s3 = bias[c + 3];
            for (int i = 0; i < indices.length; i++) {
                int base = indices[i] * k + c;
                float value = values[i];
                s0 += packed[base] * value;
                s1 += packed[base + 1] * value;
                s2 += packed[base + 2] * value;
                s3 += packed[base + 3] * value;
            }
            scores[c] = s0;
            scores[c + 1] = s1;
            scores[c + 2] = s2;
            scores[c + 3] = s3;
        }
        if (c + 2 <= k) {
            double s0 = bias[c];
            double s1 = bias[c + 1];
            for (int i = 0; i < indices.length; i++) {
                int base = indices[i] * k + c;
                float value = values[i];
                s0 += packed[base] * value;
                s1 += packed[base + 1] * value;
            }
            scores[c] = s0;
            scores[c + 1] = s1;
            c += 2;
        }
        if (c < k) {
            double s0 = bias[c];
            for (int i = 0; i < indices.length; i++) {
                s0 += packed[indices[i] * k + c] * values[i];
            }
            scores[c] = s0;
        }
        return scores;
    }

    @Override
    public double[] probabilities(SparseVector x) {
        return Softmax.apply(scores(x), temperature);
    }
}
