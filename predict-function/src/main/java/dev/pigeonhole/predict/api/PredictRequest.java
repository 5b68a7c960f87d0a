package dev.pigeonhole.predict.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /predict}: the text to classify. */
@Serdeable
public record PredictRequest(@Nullable String text) {
}
