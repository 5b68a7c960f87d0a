package dev.pigeonhole.monitoring;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the feedback says about the served model: its quality on the corrected examples (absent
 * when there is no feedback) and the drift checks between reference data and feedback.
 */
public record MonitoringReport(int feedbackCount, @Nullable ClassificationMetrics feedbackMetrics,
                               List<DriftCheck> checks) {

    /** How many checks reached {@code verdict}. */
    public long count(Verdict verdict) {
        return checks.stream().filter(check -> check.verdict() == verdict).count();
    }

    /** The worst verdict of all checks. */
    public Verdict overall() {
        return checks.stream().map(DriftCheck::verdict).reduce(Verdict.OK, Verdict::worst);
    }
}
