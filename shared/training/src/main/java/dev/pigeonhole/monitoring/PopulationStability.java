package dev.pigeonhole.monitoring;

import java.util.Map;
import java.util.TreeSet;

/**
 * Population stability index between two distributions over the same categories:
 * {@code sum (a - e) * ln(a / e)} over category shares, with empty shares floored at 1e-4 so a
 * category present on one side only counts without dividing by zero. Rule of thumb (credit scoring,
 * Evidently): below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25 significant shift.
 */
public final class PopulationStability {

    static final double FLOOR = 1e-4;
    public static final double WARNING_THRESHOLD = 0.1;
    public static final double ALERT_THRESHOLD = 0.25;

    private PopulationStability() {
    }

    public static double index(Map<String, Long> expected, Map<String, Long> actual) {
        TreeSet<String> categories = new TreeSet<>(expected.keySet());
        categories.addAll(actual.keySet());
        double expectedTotal = total(expected);
        double actualTotal = total(actual);
        if (expectedTotal == 0 || actualTotal == 0) {
            throw new IllegalArgumentException("both distributions need at least one observation");
        }
        double psi = 0;
        for (String category : categories) {
            double e = Math.max(FLOOR, expected.getOrDefault(category, 0L) / expectedTotal);
            double a = Math.max(FLOOR, actual.getOrDefault(category, 0L) / actualTotal);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    public static Verdict verdict(double psi) {
        return psi > ALERT_THRESHOLD ? Verdict.ALERT : psi > WARNING_THRESHOLD ? Verdict.WARNING : Verdict.OK;
    }

    private static double total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
