package dev.pigeonhole.feedback.function;

import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses feedback the store must not hold: missing fields, a text without words or over the length limit, a
 * prediction id or model version that is no identifier, labels the served model does not know.
 */
@Singleton
final class SubmissionValidator {

    /** The longest prediction id or model version accepted. */
    static final int MAX_IDENTIFIER_CHARACTERS = 64;

    // The pattern of version names; prediction ids (UUIDs) fit it too.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final CurrentModel current;
    private final int maxTextCharacters;

    SubmissionValidator(CurrentModel current, FeedbackConfiguration configuration) {
        this.current = current;
        this.maxTextCharacters = configuration.maxTextCharacters();
    }

    /** Throws {@link RequestRejectedException} (400) saying what to fix, or the 503 of no model when labels cannot be checked. */
    void requireValid(FeedbackSubmission submission) {
        requirePresent("text", submission.text());
        requirePresent("predicted_label", submission.predictedLabel());
        requirePresent("true_label", submission.trueLabel());
        if (submission.text().length() > maxTextCharacters) {
            throw new RequestRejectedException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "\"text\" has "
                    + submission.text().length() + " characters, more than the limit of " + maxTextCharacters
                    + " for feedback: send the text that was classified, at most " + maxTextCharacters + " characters");
        }
        requireIdentifier("prediction_id", submission.predictionId());
        requireIdentifier("model_version", submission.modelVersion());
        if (submission.text().isBlank()) {
            throw rejected("\"text\" is empty or only whitespace: send the text that was classified");
        }
        if (submission.text().codePoints().noneMatch(Character::isLetter)) {
            throw rejected("\"text\" has no letters, only digits, punctuation or symbols: send the text that was classified");
        }
        ServedModel served = current.get();
        served.requireText();
        List<String> labels = served.manifest().labels();
        requireLabel("predicted_label", submission.predictedLabel(), labels);
        requireLabel("true_label", submission.trueLabel(), labels);
    }

    static void requirePresent(String field, String value) {
        if (value == null) {
            throw rejected("missing field \"" + field + "\": send " + FeedbackEndpointGuide.EXAMPLE_BODY);
        }
    }

    // Blank counts as absent, as FeedbackRecorder stores it.
    static void requireIdentifier(String field, String value) {
        if (value != null && !value.isBlank() && !IDENTIFIER.matcher(value).matches()) {
            throw rejected("\"" + field + "\" must be 1 to " + MAX_IDENTIFIER_CHARACTERS + " letters, digits, '.', "
                    + "'_' or '-', starting with a letter or digit, as /predict answers it");
        }
    }

    // Stripped, as FeedbackRecorder stores labels stripped.
    static void requireLabel(String field, String value, List<String> labels) {
        if (!labels.contains(value.strip())) {
            throw rejected("\"" + field + "\" is \"" + value + "\", not a label of the served model: send one of "
                    + String.join(", ", labels));
        }
    }

    private static RequestRejectedException rejected(String message) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, message);
    }
}
