package dev.pigeonhole.model.tabular;

/**
 * A multinomial logistic regression on standardised features, in plain arrays: each feature is centred by its
 * {@code mean} and divided by its {@code scale}, then each class scores {@code weights[c] . z + bias[c]} and a softmax
 * turns the scores into probabilities.
 */
public final class StandardisedLinearModel implements TabularClassifier {

    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;
    private final double[] bias;

    public StandardisedLinearModel(double[] mean, double[] scale, double[][] weights, double[] bias) {
        int p = mean.length;
        if (scale.length != p || weights.length == 0 || bias.length != weights.length) {
            throw new IllegalArgumentException("a linear model needs one mean and scale per feature and one bias per class");
        }
        for (double[] row : weights) {
            if (row.length != p) {
                throw new IllegalArgumentException("every class needs one weight per feature (" + p + ")");
            }
        }
        for (double s : scale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("every scale must be finite and above 0, got " + s);
            }
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias.clone();
    }

    @Override
    public int numClasses() {
        return weights.length;
    }

    @Override
    public int numFeatures() {
        return mean.length;
    }

    @Override
    public String kind() {
        return "linear";
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    public double[] bias() {
        return bias.clone();
    }

    @Override
    public double[] probabilities(double[] x) {
        int k = weights.length;
        double[] scores = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = bias[c];
            double[] w = weights[c];
            for (int j = 0; j < mean.length; j++) {
                s += w[j] * ((x[j] - mean[j]) / scale[j]);
            }
            scores[c] = s;
            max = Math.max(max, s);
        }
        double total = 0;
        for (int c = 0; c < k; c++) {
            scores[c] = Math.exp(scores[c] - max);
            total += scores[c];
        }
        for (int c = 0; c < k; c++) {
            scores[c] /= total;
        }
        return scores;
    }
}
