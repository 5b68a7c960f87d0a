package dev.pigeonhole.model;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.SolverType;
import dev.pigeonhole.text.SparseVector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Naive-Bayes-weighted linear SVM (NB-SVM, Wang and Manning 2012), one versus the rest: for each class, every feature
 * is scaled by the log-ratio of its smoothed share in the class's examples to its share in the others', and
 * LIBLINEAR's squared-hinge SVM learns on the scaled features. Scaling a feature by {@code r} and learning {@code w}
 * scores as the weight {@code w * r} on the unscaled feature, so the result is the same one weight matrix as every
 * linear model here, and serves, quantises and explains as they do.
 */
public final class NbSvmTrainer implements ClassifierTrainer {

    static {
        Linear.disableDebugOutput();
    }

    private final double c;
    private final double alpha;
    private final double tolerance;
    private final long seed;

    public NbSvmTrainer(double c, double alpha, double tolerance, long seed) {
        if (!(c > 0) || !(alpha > 0) || !(tolerance > 0)) {
            throw new IllegalArgumentException("C, the smoothing and the tolerance must be positive");
        }
        this.c = c;
        this.alpha = alpha;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    @Override
    public String algorithm() {
        return "nb-svm";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("c", String.format(Locale.ROOT, "%s", c));
        p.put("alpha", String.format(Locale.ROOT, "%s", alpha));
        p.put("tolerance", Double.toString(tolerance));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public String describe() {
        return "nb-svm(C=" + c + ", alpha=" + alpha + ")";
    }

    @Override
    public LinearSoftmaxClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        double[][] sums = featureSumsPerClass(x, y, numClasses, dimension);
        double[] all = new double[dimension];
        for (double[] classSums : sums) {
            for (int j = 0; j < dimension; j++) {
                all[j] += classSums[j];
            }
        }
        float[][] weights = new float[numClasses][dimension];
        float[] bias = new float[numClasses];
        for (int k = 0; k < numClasses; k++) {
            float[] ratio = logCountRatio(sums[k], all);
            boolean present = false;
            for (int label : y) {
                present |= label == k;
            }
            if (!present) {
                // As LiblinearTrainer does for a class absent from the training data: it scores far below.
                bias[k] = -1e3f;
                continue;
            }
            int[] inClass = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                inClass[i] = y[i] == k ? 1 : 0;
            }
            Model model = Linear.train(LiblinearTrainer.problem(x, inClass, dimension, ratio), parameter());
            int positive = model.getLabels()[0] == 1 ? 0 : 1;
            for (int j = 0; j < dimension; j++) {
                weights[k][j] = (float) (model.getDecfunCoef(j + 1, positive) * ratio[j]);
            }
            bias[k] = (float) model.getDecfunBias(positive);
        }
        return new LinearSoftmaxClassifier(weights, bias, 1.0);
    }

    private Parameter parameter() {
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, c, tolerance);
        parameter.setRandom(new Random(seed));
        return parameter;
    }

    private static double[][] featureSumsPerClass(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        double[][] sums = new double[numClasses][dimension];
        for (int i = 0; i < x.size(); i++) {
            int[] indices = x.get(i).indices();
            float[] values = x.get(i).values();
            for (int j = 0; j < indices.length; j++) {
                sums[y[i]][indices[j]] += Math.abs(values[j]);
            }
        }
        return sums;
    }

    /** log((alpha + p) / |alpha + p|_1) - log((alpha + q) / |alpha + q|_1), p the class's sums, q the others'. */
    float[] logCountRatio(double[] inClass, double[] all) {
        double inTotal = 0;
        double outTotal = 0;
        for (int j = 0; j < all.length; j++) {
            inTotal += alpha + inClass[j];
            outTotal += alpha + (all[j] - inClass[j]);
        }
        float[] ratio = new float[all.length];
        for (int j = 0; j < all.length; j++) {
            ratio[j] = (float) (Math.log((alpha + inClass[j]) / inTotal)
                    - Math.log((alpha + Math.max(0, all[j] - inClass[j])) / outTotal));
        }
        return ratio;
    }
}
