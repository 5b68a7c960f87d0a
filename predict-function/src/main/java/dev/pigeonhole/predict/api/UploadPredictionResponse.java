package dev.pigeonhole.predict.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * Answer of {@code POST /upload}: the prediction for the document's text, its file name and extracted
 * length, and the extracted text itself only when asked for (the web page sends it back as feedback).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UploadPredictionResponse(String predictionId, String modelVersion, String categoryName,
                                       int predictionClassId, List<ConfidenceScore> confidenceScores, String status,
                                       String filename, int extractedChars,
                                       @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String text,
                                       @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<FeatureWeight> explanation) {

    public static UploadPredictionResponse of(PredictionResponse prediction, String filename, int extractedChars) {
        return of(prediction, filename, extractedChars, null);
    }

    /** As {@link #of(PredictionResponse, String, int)}, with the extracted {@code text} when not null. */
    public static UploadPredictionResponse of(PredictionResponse prediction, String filename, int extractedChars,
                                              @Nullable String text) {
        return new UploadPredictionResponse(prediction.predictionId(), prediction.modelVersion(),
                prediction.categoryName(), prediction.predictionClassId(), prediction.confidenceScores(),
                prediction.status(), filename, extractedChars, text, prediction.explanation());
    }
}
