package dev.pigeonhole.model.tabular;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * Contents of a tabular model's model.json: format, kind ({@code forest} or {@code linear}), labels, the features in
 * the order the model reads them with their training ranges, and either the number of trees in {@code trees.bin} or
 * the linear model's arrays.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TabularModelDescriptor(String format, String kind, List<String> labels, List<FeatureSummary> features,
                                     @Nullable Integer trees, @Nullable Linear linear) {

    /** The arrays of a {@link StandardisedLinearModel}: per feature mean and scale, per class weights and bias. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Linear(List<Double> mean, List<Double> scale, List<List<Double>> weights, List<Double> bias) {
    }
}
