package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.base.svm.KernelMachine;
import smile.base.svm.LASVM;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear SVM on TF-IDF vectors, one versus rest, trained with Smile's {@link LASVM} and a linear
 * kernel; each binary machine collapses to one weight row ({@code w = sum alpha_i y_i x_i}), so the
 * result is a plain-array {@link LinearSoftmaxClassifier} whose softmax over the margins is later
 * calibrated by temperature scaling.
 */
public final class LinearSvmTrainer implements ClassifierTrainer {

    public static final String ALGORITHM = "linear-svm";

    private final double c;
    private final double tolerance;
    private final int epochs;

    public LinearSvmTrainer(double c, double tolerance, int epochs) {
        this.c = c;
        this.tolerance = tolerance;
        this.epochs = epochs;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("C", Double.toString(c));
        p.put("tolerance", Double.toString(tolerance));
        p.put("epochs", Integer.toString(epochs));
        return p;
    }

    @Override
    public LinearSoftmaxClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        SparseVector[] data = x.toArray(SparseVector[]::new);
        float[][] weights = new float[numClasses][dimension];
        float[] bias = new float[numClasses];
        for (int k = 0; k < numClasses; k++) {
            int[] binary = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                binary[i] = y[i] == k ? 1 : -1;
            }
            KernelMachine<SparseVector> machine = new LASVM<>(new SparseLinearKernel(), c, tolerance).fit(data, binary, epochs);
            SparseVector[] vectors = machine.vectors();
            double[] alpha = machine.weights();
            double[] w = new double[dimension];
            for (int s = 0; s < vectors.length; s++) {
                int[] indices = vectors[s].indices();
                float[] values = vectors[s].values();
                for (int j = 0; j < indices.length; j++) {
                    w[indices[j]] += alpha[s] * values[j];
                }
            }
            for (int j = 0; j < dimension; j++) {
                weights[k][j] = (float) w[j];
            }
            bias[k] = (float) machine.intercept();
        }
        return new LinearSoftmaxClassifier(weights, bias, 1.0);
    }
}
