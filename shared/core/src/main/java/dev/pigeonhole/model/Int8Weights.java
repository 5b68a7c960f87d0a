package dev.pigeonhole.model;

/**
 * A linear classifier's weights as int8 with one scale per class ({@code weight = int8 * scale}, the scale being the
 * class's largest absolute weight over 127), and its float biases. A quarter of the float32 size; the rounding moves
 * a weight by at most half a step, which changes a margin far less than the penalty's choice does (BENCHMARKS.md).
 */
record Int8Weights(float[] scale, float[] bias, byte[] values) {

    static Int8Weights quantise(LinearSoftmaxClassifier classifier) {
        float[][] weights = classifier.weights();
        int k = weights.length;
        int p = classifier.dimension();
        float[] scale = new float[k];
        byte[] values = new byte[k * p];
        for (int c = 0; c < k; c++) {
            float max = 0;
            for (float w : weights[c]) {
                max = Math.max(max, Math.abs(w));
            }
            scale[c] = max > 0 ? max / 127f : 1f;
            for (int j = 0; j < p; j++) {
                values[c * p + j] = (byte) Math.round(weights[c][j] / scale[c]);
            }
        }
        return new Int8Weights(scale, classifier.bias().clone(), values);
    }
}
