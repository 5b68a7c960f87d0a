package dev.pigeonhole.predict.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * One prediction: the best category, its index in the model's labels, and every category's score, highest first;
 * with {@code ?explain=N}, the N features that pushed the best category most; for a tabular model, the features whose
 * value lay outside their training range (the row is classified all the same).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PredictionResponse(String predictionId, String modelVersion, String categoryName,
                                 int predictionClassId, List<ConfidenceScore> confidenceScores, String status,
                                 @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<FeatureWeight> explanation,
                                 @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<String> outOfRange) {

    public static final String SUCCESS = "success";

    /** A text's prediction, which has no features out of range. */
    public PredictionResponse(String predictionId, String modelVersion, String categoryName, int predictionClassId,
                              List<ConfidenceScore> confidenceScores, String status,
                              @Nullable List<FeatureWeight> explanation) {
        this(predictionId, modelVersion, categoryName, predictionClassId, confidenceScores, status, explanation, null);
    }
}
