package dev.pigeonhole.predict.api;

import io.micronaut.serde.annotation.Serdeable;

/** One category's probability in a prediction. */
@Serdeable
public record ConfidenceScore(String name, double value) {
}
