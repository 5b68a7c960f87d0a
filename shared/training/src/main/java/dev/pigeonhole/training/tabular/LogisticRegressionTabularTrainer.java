package dev.pigeonhole.training.tabular;

import dev.pigeonhole.model.tabular.StandardisedLinearModel;
import dev.pigeonhole.model.tabular.TabularClassifier;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import smile.classification.LogisticRegression;

/**
 * smile-core's multinomial {@link LogisticRegression} with an L2 penalty, on features standardised to mean 0 and
 * standard deviation 1 (a constant feature keeps scale 1), exported to a {@link StandardisedLinearModel}.
 */
public final class LogisticRegressionTabularTrainer implements TabularTrainer {

    private final double lambda;
    private final int maxIterations;

    public LogisticRegressionTabularTrainer(double lambda, int maxIterations) {
        if (!(lambda >= 0) || maxIterations < 1) {
            throw new IllegalArgumentException("lambda must be at least 0 and iterations at least 1");
        }
        this.lambda = lambda;
        this.maxIterations = maxIterations;
    }

    @Override
    public String algorithm() {
        return "logistic-regression";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("lambda", Double.toString(lambda));
        parameters.put("max_iterations", Integer.toString(maxIterations));
        parameters.put("standardised", "true");
        return parameters;
    }

    @Override
    public TabularClassifier fit(double[][] x, int[] y, int classes) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
        }
        double[][] z = new double[x.length][p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[][] weights = new double[classes][p];
        double[] bias = new double[classes];
        if (classes == 2) {
            double[] w = LogisticRegression.binomial(z, y, lambda, 1e-5, maxIterations).coefficients();
            System.arraycopy(w, 0, weights[1], 0, p);
            bias[1] = w[p];
        } else {
            // k-1 rows of p weights plus the intercept; the last class scores 0.
            double[][] w = LogisticRegression.multinomial(z, y, lambda, 1e-5, maxIterations).coefficients();
            for (int c = 0; c < w.length; c++) {
                System.arraycopy(w[c], 0, weights[c], 0, p);
                bias[c] = w[c][p];
            }
        }
        return new StandardisedLinearModel(mean, scale, weights, bias);
    }
}
