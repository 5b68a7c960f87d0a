package dev.pigeonhole.monitoring;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PopulationStabilityTest {

    @Test
    void identicalSharesHaveIndexZero() {
        assertEquals(0.0, PopulationStability.index(Map.of("a", 10L, "b", 30L), Map.of("a", 1L, "b", 3L)), 1e-12);
    }

    @Test
    void shiftFromEvenToEightyTwentyMatchesTheHandComputedIndex() {
        // (0.8-0.5) ln(0.8/0.5) + (0.2-0.5) ln(0.2/0.5)
        double expected = 0.3 * Math.log(1.6) - 0.3 * Math.log(0.4);
        assertEquals(expected, PopulationStability.index(Map.of("a", 50L, "b", 50L), Map.of("a", 80L, "b", 20L)), 1e-12);
        assertEquals(0.4158883083359672, expected, 1e-15);
    }

    @Test
    void aCategoryMissingOnOneSideIsFlooredNotInfinite() {
        double psi = PopulationStability.index(Map.of("a", 1L), Map.of("a", 1L, "new", 1L));
        double expected = (0.5 - 1) * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
        assertEquals(expected, psi, 1e-12);
    }

    @Test
    void verdictsFollowTheUsualThresholds() {
        assertEquals(Verdict.OK, PopulationStability.verdict(0.1));
        assertEquals(Verdict.WARNING, PopulationStability.verdict(0.25));
        assertEquals(Verdict.ALERT, PopulationStability.verdict(0.2501));
    }

    @Test
    void anEmptySideIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.index(Map.of(), Map.of("a", 1L)));
    }
}
