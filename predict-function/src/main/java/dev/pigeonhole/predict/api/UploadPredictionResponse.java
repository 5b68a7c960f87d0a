package dev.pigeonhole.predict.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** Answer of {@code POST /upload}: the prediction for the document's text, its file name and extracted length. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UploadPredictionResponse(String predictionId, String modelVersion, String categoryName,
                                       int predictionClassId, List<ConfidenceScore> confidenceScores, String status,
                                       String filename, int extractedChars) {

    public static UploadPredictionResponse of(PredictionResponse prediction, String filename, int extractedChars) {
        return new UploadPredictionResponse(prediction.predictionId(), prediction.modelVersion(),
                prediction.categoryName(), prediction.predictionClassId(), prediction.confidenceScores(),
                prediction.status(), filename, extractedChars);
    }
}
