package dev.pigeonhole.model;

/**
 * Temperature scaling (Guo et al., 2017): the single temperature T that minimises the negative
 * log-likelihood of held-out labels under softmax(scores / T). It rescales confidence without
 * changing any prediction.
 */
public final class TemperatureCalibrator {

    static final double MIN_TEMPERATURE = 0.05;
    static final double MAX_TEMPERATURE = 20;
    private static final int ITERATIONS = 60;

    private TemperatureCalibrator() {
    }

    /** Fits T by golden-section search on log T; {@code scores[i]} are the logits of example i. */
    public static double fit(double[][] scores, int[] y) {
        if (scores.length != y.length || scores.length == 0) {
            throw new IllegalArgumentException("need one label per score row and at least one row");
        }
        double lo = Math.log(MIN_TEMPERATURE);
        double hi = Math.log(MAX_TEMPERATURE);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = negativeLogLikelihood(scores, y, Math.exp(a));
        double fb = negativeLogLikelihood(scores, y, Math.exp(b));
        for (int i = 0; i < ITERATIONS; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = negativeLogLikelihood(scores, y, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = negativeLogLikelihood(scores, y, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the labels at temperature {@code t}. */
    public static double negativeLogLikelihood(double[][] scores, int[] y, double t) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double s : scores[i]) {
                max = Math.max(max, s / t);
            }
            double sum = 0;
            for (double s : scores[i]) {
                sum += Math.exp(s / t - max);
            }
            total += max + Math.log(sum) - scores[i][y[i]] / t;
        }
        return total / scores.length;
    }
}
