package dev.pigeonhole.training;

/**
 * The probability temperature fitted on held-out examples, with the mean log loss of their true
 * labels before (temperature 1) and after it. Both losses are measured where the temperature was
 * fitted, so the second is slightly optimistic.
 */
public record Calibration(double temperature, double logLossUncalibrated, double logLoss) {

    /** No calibration: temperature 1, losses unknown. */
    public static Calibration none() {
        return new Calibration(1.0, Double.NaN, Double.NaN);
    }
}
