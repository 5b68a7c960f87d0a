package dev.pigeonhole.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A prediction that feedback proved wrong, carrying what the "Bad prediction" trace reports.
 *
 * @param text           the text that was classified, in full (dimensions keep its first 1,000 characters)
 * @param predictedLabel the label the model gave
 * @param trueLabel      the label the user says is right
 * @param modelVersion   the version that made the prediction; {@value #UNKNOWN_VERSION} when the caller does not know it
 * @param feedbackId     the id of the feedback record that reported it
 * @param features       for a tabular model, the row's features as JSON (the {@code features} dimension); else null
 */
public record BadPrediction(String text, String predictedLabel, String trueLabel, String modelVersion, String feedbackId,
                            @Nullable String features) {

    /** The trace message the Azure Monitor alert counts. */
    public static final String MESSAGE = "Bad prediction";
    /** How many characters of the text the {@code text} dimension keeps. */
    public static final int MAX_TEXT_CHARS = 1_000;
    /** The {@code model_version} reported when the feedback did not name one. */
    public static final String UNKNOWN_VERSION = "unknown";

    public BadPrediction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(predictedLabel, "predictedLabel");
        Objects.requireNonNull(trueLabel, "trueLabel");
        Objects.requireNonNull(feedbackId, "feedbackId");
        modelVersion = modelVersion == null || modelVersion.isBlank() ? UNKNOWN_VERSION : modelVersion;
    }

    /** A text's bad prediction: no features. */
    public BadPrediction(String text, String predictedLabel, String trueLabel, String modelVersion, String feedbackId) {
        this(text, predictedLabel, trueLabel, modelVersion, feedbackId, null);
    }

    /** The custom dimensions of the trace, named as the alert's Kusto query expects. */
    public Map<String, String> customDimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("text", truncatedText());
        dimensions.put("predicted_label", predictedLabel);
        dimensions.put("true_label", trueLabel);
        dimensions.put("model_version", modelVersion);
        dimensions.put("feedback_id", feedbackId);
        if (features != null) {
            dimensions.put("features", features);
        }
        return dimensions;
    }

    /** The first {@value #MAX_TEXT_CHARS} characters of the text. */
    public String truncatedText() {
        if (text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int end = MAX_TEXT_CHARS;
        // A lone high surrogate would be replaced or rejected when the trace is encoded as UTF-8 JSON.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
