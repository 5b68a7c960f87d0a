package dev.pigeonhole.model;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Contents of model.json: what a reader needs to rebuild the features and the classifier. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ModelDescriptor(String format, List<String> labels, int ngramMin, int ngramMax,
                              String termFrequency, String norm, int dimension, double temperature) {
}
