package dev.pigeonhole.predict.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** One prediction: the best category, its index in the model's labels, and every category's score, highest first. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PredictionResponse(String predictionId, String modelVersion, String categoryName,
                                 int predictionClassId, List<ConfidenceScore> confidenceScores, String status) {

    public static final String SUCCESS = "success";
}
