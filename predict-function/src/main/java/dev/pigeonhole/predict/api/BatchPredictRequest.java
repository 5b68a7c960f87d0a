package dev.pigeonhole.predict.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /predict/batch}: the texts to classify, or for a tabular model the rows of features, answered
 * in the same order.
 */
@Serdeable
public record BatchPredictRequest(@Nullable List<String> texts, @Nullable List<Map<String, Object>> rows) {

    /** Texts to classify. */
    public BatchPredictRequest(@Nullable List<String> texts) {
        this(texts, null);
    }
}
