package dev.pigeonhole.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored feedback: an immutable object under feedback/records/, received_at in ISO-8601. {@code client_id} names
 * the API key's client that sent it; records stored before callers had keys have none and still read (as null). A
 * tabular model's record also holds the row's {@code features} by name (its {@code text} then spells them out).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedbackRecord(String feedbackId, String receivedAt, String text, String predictedLabel,
                             String trueLabel, @Nullable String modelVersion, @Nullable String predictionId,
                             @Nullable String clientId,
                             @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> features) {

    public FeedbackRecord {
        Objects.requireNonNull(feedbackId, "feedback_id");
        Objects.requireNonNull(receivedAt, "received_at");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(predictedLabel, "predicted_label");
        Objects.requireNonNull(trueLabel, "true_label");
        features = features == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** A text's record: no features. */
    public FeedbackRecord(String feedbackId, String receivedAt, String text, String predictedLabel, String trueLabel,
                          @Nullable String modelVersion, @Nullable String predictionId, @Nullable String clientId) {
        this(feedbackId, receivedAt, text, predictedLabel, trueLabel, modelVersion, predictionId, clientId, null);
    }

    /** A record without a caller's identity, as stored before API keys. */
    public FeedbackRecord(String feedbackId, String receivedAt, String text, String predictedLabel, String trueLabel,
                          @Nullable String modelVersion, @Nullable String predictionId) {
        this(feedbackId, receivedAt, text, predictedLabel, trueLabel, modelVersion, predictionId, null, null);
    }

    /** True when the model's prediction was wrong: the case that becomes a "Bad prediction" trace. */
    public boolean badPrediction() {
        return !predictedLabel.equals(trueLabel);
    }
}
