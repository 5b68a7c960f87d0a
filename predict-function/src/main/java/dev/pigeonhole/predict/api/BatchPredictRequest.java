package dev.pigeonhole.predict.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code POST /predict/batch}: the texts to classify, answered in the same order. */
@Serdeable
public record BatchPredictRequest(@Nullable List<String> texts) {
}
