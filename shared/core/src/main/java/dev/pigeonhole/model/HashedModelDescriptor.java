package dev.pigeonhole.model;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Contents of model.json in format 2 (hashed features, int8 weights): what a reader needs to rebuild the model. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HashedModelDescriptor(String format, List<String> labels, String hash, int hashBits, int wordNgramMax,
                                    int charNgramMin, int charNgramMax, double charShare, String termFrequency,
                                    String norm, int dimension, String weights, double temperature) {
}
