package dev.pigeonhole.evaluation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Objects;

/** Outcome of a k-fold cross-validation: per-fold mean and population std, and out-of-fold pooled metrics. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CrossValidationResult(
        int folds,
        long seed,
        double meanAccuracy,
        double stdAccuracy,
        double meanMacroF1,
        double stdMacroF1,
        ClassificationMetrics pooled) {

    public CrossValidationResult {
        Objects.requireNonNull(pooled, "pooled");
    }
}
