package dev.pigeonhole.monitoring;

import java.util.Map;

/**
 * One monitoring check: what was compared, the statistic and its value, the verdict and a sentence
 * a person can act on, with the reference and current distributions it was computed from (empty
 * when the check is a single figure).
 */
public record DriftCheck(String name, String statistic, double value, Verdict verdict, String explanation,
                         Map<String, Long> reference, Map<String, Long> current) {
}
