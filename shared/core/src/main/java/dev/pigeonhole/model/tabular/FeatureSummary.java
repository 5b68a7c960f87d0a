package dev.pigeonhole.model.tabular;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Objects;

/**
 * One feature of a tabular model as the manifest records it: its name (features are listed in the order the model
 * reads them), its training range, mean and standard deviation, and its distribution as decile bins: the inner cut
 * points {@code binEdges} (a value v falls in the first bin whose edge is {@code >= v}, or the last) and the share of
 * the training rows in each bin, which the monitoring report compares feedback against.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record FeatureSummary(String name, double min, double max, double mean, double std,
                             List<Double> binEdges, List<Double> binShares) {

    public FeatureSummary {
        Objects.requireNonNull(name, "name");
        binEdges = binEdges == null ? List.of() : List.copyOf(binEdges);
        binShares = binShares == null ? List.of() : List.copyOf(binShares);
    }

    /** True when {@code value} lies outside the training range. */
    public boolean outOfRange(double value) {
        return value < min || value > max;
    }
}
