package dev.pigeonhole.feedback.function;

import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.serving.CurrentModel;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;

/** Refuses feedback the store must not hold: missing fields, a text without words, labels the served model does not know. */
@Singleton
final class SubmissionValidator {

    private final CurrentModel current;

    SubmissionValidator(CurrentModel current) {
        this.current = current;
    }

    /** Throws {@link RequestRejectedException} (400) saying what to fix, or the 503 of no model when labels cannot be checked. */
    void requireValid(FeedbackSubmission submission) {
        requirePresent("text", submission.text());
        requirePresent("predicted_label", submission.predictedLabel());
        requirePresent("true_label", submission.trueLabel());
        if (submission.text().isBlank()) {
            throw rejected("\"text\" is empty or only whitespace: send the text that was classified");
        }
        if (submission.text().codePoints().noneMatch(Character::isLetter)) {
            throw rejected("\"text\" has no letters, only digits, punctuation or symbols: send the text that was classified");
        }
        List<String> labels = current.get().model().labels();
        requireLabel("predicted_label", submission.predictedLabel(), labels);
        requireLabel("true_label", submission.trueLabel(), labels);
    }

    private static void requirePresent(String field, String value) {
        if (value == null) {
            throw rejected("missing field \"" + field + "\": send " + FeedbackEndpointGuide.EXAMPLE_BODY);
        }
    }

    // Stripped, as FeedbackRecorder stores labels stripped.
    private static void requireLabel(String field, String value, List<String> labels) {
        if (!labels.contains(value.strip())) {
            throw rejected("\"" + field + "\" is \"" + value + "\", not a label of the served model: send one of "
                    + String.join(", ", labels));
        }
    }

    private static RequestRejectedException rejected(String message) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, message);
    }
}
