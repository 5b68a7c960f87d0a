package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.util.SparseArray;

/** Converts Pigeonhole's sparse vectors into the inputs Smile's classifiers take. */
final class SmileFeatures {

    private SmileFeatures() {
    }

    static SparseArray weighted(SparseVector x) {
        SparseArray array = new SparseArray(x.size());
        int[] indices = x.indices();
        float[] values = x.values();
        for (int i = 0; i < indices.length; i++) {
            array.append(indices[i], values[i]);
        }
        return array;
    }

    /** The feature indices present, for algorithms on binary features (Maxent, sparse linear SVM). */
    static int[] binary(SparseVector x) {
        return x.indices();
    }
}
