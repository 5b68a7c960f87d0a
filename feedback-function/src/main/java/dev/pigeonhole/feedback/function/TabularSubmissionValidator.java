package dev.pigeonhole.feedback.function;

import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Checks the feedback on a tabular model's prediction: the row of {@code features} as the served model reads it (each
 * missing, unknown, non-numeric or non-finite feature named), labels the model knows, identifiers as for text. A
 * feedback accepted this way is stored with its features in the model's order and the row spelt out as its text.
 */
@Singleton
final class TabularSubmissionValidator {

    private final CurrentModel current;

    TabularSubmissionValidator(CurrentModel current) {
        this.current = current;
    }

    /**
     * Empty when {@code submission} is a text's feedback for a text model (the text validator's business); else the
     * submission to store, or a {@link RequestRejectedException} (400) saying what to fix.
     */
    Optional<FeedbackSubmission> accept(FeedbackSubmission submission) {
        ServedModel served = current.get();
        if (submission.features() == null && !(submission.text() == null && served.loaded() && served.tabular())) {
            return Optional.empty();
        }
        if (submission.text() != null && submission.features() != null) {
            throw rejected("send either \"text\" (a text model) or \"features\" (a tabular model), not both");
        }
        TabularModel model = served.tabularModel();
        if (submission.features() == null) {
            throw rejected("missing field \"features\": this model classifies rows of numbers; send {\"features\": {\""
                    + model.featureNames().get(0) + "\": 1.5, ...}, \"predicted_label\": \"...\", \"true_label\": \"...\", "
                    + "\"prediction_id\": \"...\"} with every feature: " + String.join(", ", model.featureNames()));
        }
        double[] x = model.row(submission.features(), "\"features\"");
        SubmissionValidator.requirePresent("predicted_label", submission.predictedLabel());
        SubmissionValidator.requirePresent("true_label", submission.trueLabel());
        SubmissionValidator.requireIdentifier("prediction_id", submission.predictionId());
        SubmissionValidator.requireIdentifier("model_version", submission.modelVersion());
        List<String> labels = model.labels();
        SubmissionValidator.requireLabel("predicted_label", submission.predictedLabel(), labels);
        SubmissionValidator.requireLabel("true_label", submission.trueLabel(), labels);
        return Optional.of(new FeedbackSubmission(model.spell(x), submission.predictedLabel(), submission.trueLabel(),
                submission.predictionId(), submission.modelVersion(), model.named(x)));
    }

    private static RequestRejectedException rejected(String message) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, message);
    }
}
