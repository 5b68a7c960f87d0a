package dev.pigeonhole.predict.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Body of {@code POST /predict}: the text to classify, or for a tabular model the row of features by name. */
@Serdeable
public record PredictRequest(@Nullable String text, @Nullable Map<String, Object> features) {

    /** A text to classify. */
    public PredictRequest(@Nullable String text) {
        this(text, null);
    }
}
