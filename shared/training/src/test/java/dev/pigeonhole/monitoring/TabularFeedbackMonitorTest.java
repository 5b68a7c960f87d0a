package dev.pigeonhole.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TabularFeedbackMonitorTest {

    @Test
    void kolmogorovSmirnovIsTheLargestGapBetweenTheDistributionFunctions() {
        assertEquals(1 / 3.0, TabularFeedbackMonitor.kolmogorovSmirnov(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-12);
        assertEquals(0, TabularFeedbackMonitor.kolmogorovSmirnov(new double[] {1, 2, 2}, new double[] {2, 1, 2}), 1e-12);
        assertEquals(1, TabularFeedbackMonitor.kolmogorovSmirnov(new double[] {1, 2}, new double[] {5, 6, 7}), 1e-12);
    }

    @Test
    void wassersteinIsTheMassTimesTheDistanceMoved() {
        assertEquals(1, TabularFeedbackMonitor.wasserstein(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-12);
        assertEquals(0.25, TabularFeedbackMonitor.wasserstein(new double[] {0, 1}, new double[] {0, 1, 1, 1}), 1e-12);
        assertEquals(4, TabularFeedbackMonitor.wasserstein(new double[] {0}, new double[] {4, 4}), 1e-12);
    }

    @Test
    void aFeatureThatMovedIsAnAlertAndOneThatDidNotIsOk() {
        double[] reference = new double[200];
        double[] same = new double[50];
        double[] moved = new double[50];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = i % 50;
        }
        for (int i = 0; i < 50; i++) {
            same[i] = i;
            moved[i] = 40 + i % 10;
        }
        assertEquals(Verdict.OK, TabularFeedbackMonitor.featureCheck("x", reference, same).verdict());
        assertEquals(Verdict.ALERT, TabularFeedbackMonitor.featureCheck("x", reference, moved).verdict());
    }
}
