package dev.pigeonhole.predict.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Answer of {@code POST /predict/batch}: one prediction per text, in request order. */
@Serdeable
public record BatchPredictionResponse(List<PredictionResponse> predictions) {
}
