package dev.pigeonhole.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Contents of model.json in formats 2 and 3 (hashed features, int8 weights): what a reader needs to rebuild the model.
 * {@code charTokens} is only in format 3 ({@code "whitespace"}: character n-grams within white-space tokens).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HashedModelDescriptor(String format, List<String> labels, String hash, int hashBits, int wordNgramMax,
                                    int charNgramMin, int charNgramMax, double charShare, String termFrequency,
                                    String norm, int dimension, String weights, double temperature,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String charTokens) {
}
