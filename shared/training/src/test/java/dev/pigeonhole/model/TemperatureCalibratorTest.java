package dev.pigeonhole.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemperatureCalibratorTest {

    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        // Labels drawn from softmax(scores / 2.5): the fitted temperature must come back near 2.5.
        Random random = new Random(42);
        int n = 20_000;
        double[][] scores = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = new double[] {random.nextGaussian() * 4, random.nextGaussian() * 4, random.nextGaussian() * 4};
            double[] p = Softmax.apply(scores[i], 2.5);
            double u = random.nextDouble();
            y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }
        assertEquals(2.5, TemperatureCalibrator.fit(scores, y), 0.1);
    }

    @Test
    void fittedTemperatureNeverIncreasesTheLoss() {
        double[][] scores = {{5, 0}, {4, 1}, {0, 6}, {3, 2}};
        int[] y = {0, 1, 1, 1};
        double t = TemperatureCalibrator.fit(scores, y);
        assertTrue(TemperatureCalibrator.negativeLogLikelihood(scores, y, t)
                <= TemperatureCalibrator.negativeLogLikelihood(scores, y, 1.0));
    }
}
