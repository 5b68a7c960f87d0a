package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;

import java.util.List;
import java.util.Map;

/**
 * Multinomial logistic regression on TF-IDF vectors with Smile's {@link SparseLogisticRegression}
 * (L-BFGS, L2 penalty {@code lambda}); the result is exported as plain arrays.
 */
public final class LogisticRegressionTrainer implements ClassifierTrainer {

    public static final String ALGORITHM = "logistic-regression";

    private final LbfgsSettings settings;

    public LogisticRegressionTrainer(double lambda, double tolerance, int maxIterations) {
        this.settings = new LbfgsSettings(lambda, tolerance, maxIterations);
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Map<String, String> parameters() {
        return settings.asMap();
    }

    @Override
    public LinearSoftmaxClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        SparseDataset data = SparseDataset.of(x.stream().map(SmileFeatures::weighted).toList(), dimension);
        if (numClasses == 2) {
            return fromBinomial(SparseLogisticRegression.binomial(data, y, settings.lambda(), settings.tolerance(),
                    settings.maxIterations()), dimension);
        }
        return fromMultinomial(SparseLogisticRegression.multinomial(data, y, settings.lambda(), settings.tolerance(),
                        settings.maxIterations()),
                numClasses, dimension);
    }

    // Smile's multinomial model keeps k-1 rows of p weights plus the intercept (last column); the
    // last class is the reference with score 0.
    private static LinearSoftmaxClassifier fromMultinomial(SparseLogisticRegression.Multinomial model,
                                                           int numClasses, int dimension) {
        double[][] coefficients = model.coefficients();
        float[][] weights = new float[numClasses][dimension];
        float[] bias = new float[numClasses];
        for (int c = 0; c < coefficients.length; c++) {
            for (int j = 0; j < dimension; j++) {
                weights[c][j] = (float) coefficients[c][j];
            }
            bias[c] = (float) coefficients[c][dimension];
        }
        return new LinearSoftmaxClassifier(weights, bias, 1.0);
    }

    // A binomial model scores class 1 with w.x + b against class 0 at 0: softmax of (0, w.x + b)
    // equals the logistic function.
    private static LinearSoftmaxClassifier fromBinomial(SparseLogisticRegression.Binomial model, int dimension) {
        double[] coefficients = model.coefficients();
        float[][] weights = new float[2][dimension];
        float[] bias = new float[2];
        for (int j = 0; j < dimension; j++) {
            weights[1][j] = (float) coefficients[j];
        }
        bias[1] = (float) coefficients[dimension];
        return new LinearSoftmaxClassifier(weights, bias, 1.0);
    }
}
