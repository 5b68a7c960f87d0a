package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.classification.OneVersusRest;
import smile.classification.SVM;
import smile.math.kernel.BinarySparseLinearKernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear SVM from Smile ({@link SVM} with {@link BinarySparseLinearKernel}, binary features), one
 * versus rest, with Platt scaling for probabilities.
 */
public final class BinarySvmTrainer implements ClassifierTrainer {

    private final double c;
    private final double tolerance;

    public BinarySvmTrainer(double c, double tolerance) {
        this.c = c;
        this.tolerance = tolerance;
    }

    @Override
    public String algorithm() {
        return "binary-svm";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("C", Double.toString(c));
        p.put("tolerance", Double.toString(tolerance));
        return p;
    }

    @Override
    public ProbabilisticClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        int[][] binary = x.stream().map(SmileFeatures::binary).toArray(int[][]::new);
        BinarySparseLinearKernel kernel = new BinarySparseLinearKernel();
        OneVersusRest<int[]> model = OneVersusRest.fit(binary, y,
                (xs, ys) -> SVM.fit(xs, ys, kernel, c, tolerance));
        return new SmileClassifier((v, posteriori) -> model.predict(SmileFeatures.binary(v), posteriori), numClasses);
    }
}
