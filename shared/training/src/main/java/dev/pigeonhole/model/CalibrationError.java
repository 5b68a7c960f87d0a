package dev.pigeonhole.model;

/**
 * Expected calibration error (Guo et al., 2017): examples binned by the probability of their predicted label
 * (15 equal-width bins), the mean gap between that confidence and the bin's accuracy, weighted by the bin's share.
 * 0 is perfect; it complements the log loss, which also rewards sharpness.
 */
public final class CalibrationError {

    static final int BINS = 15;

    private CalibrationError() {
    }

    /** The error of softmax(scores / t) against labels {@code y}. */
    public static double expected(double[][] scores, int[] y, double t) {
        double[] confidence = new double[BINS];
        double[] correct = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < scores.length; i++) {
            double[] p = Softmax.apply(scores[i], t);
            int best = ProbabilisticClassifier.argMax(p);
            int bin = Math.min(BINS - 1, (int) (p[best] * BINS));
            confidence[bin] += p[best];
            correct[bin] += best == y[i] ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                error += Math.abs(confidence[b] - correct[b]) / scores.length;
            }
        }
        return error;
    }
}
