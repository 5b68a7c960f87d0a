package dev.pigeonhole.training;

/**
 * The probability temperature fitted on held-out examples, with the mean log loss of their true
 * labels and the expected calibration error before (temperature 1) and after it. Both are measured
 * where the temperature was fitted, so the figures after are slightly optimistic.
 */
public record Calibration(double temperature, double logLossUncalibrated, double logLoss,
                          double calibrationErrorUncalibrated, double calibrationError) {

    /** No calibration: temperature 1, losses unknown. */
    public static Calibration none() {
        return new Calibration(1.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
