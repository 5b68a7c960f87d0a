package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.math.kernel.MercerKernel;

/** The linear kernel (dot product) on Pigeonhole's sparse TF-IDF vectors, for Smile's kernel machines. */
final class SparseLinearKernel implements MercerKernel<SparseVector> {

    @Override
    public double k(SparseVector a, SparseVector b) {
        int[] ai = a.indices();
        int[] bi = b.indices();
        float[] av = a.values();
        float[] bv = b.values();
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ai.length && j < bi.length) {
            if (ai[i] == bi[j]) {
                dot += av[i++] * bv[j++];
            } else if (ai[i] < bi[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    @Override
    public double[] kg(SparseVector a, SparseVector b) {
        return new double[] {k(a, b)};
    }

    @Override
    public SparseLinearKernel of(double[] params) {
        return this;
    }

    @Override
    public double[] hyperparameters() {
        return new double[0];
    }

    @Override
    public double[] lo() {
        return new double[0];
    }

    @Override
    public double[] hi() {
        return new double[0];
    }
}
