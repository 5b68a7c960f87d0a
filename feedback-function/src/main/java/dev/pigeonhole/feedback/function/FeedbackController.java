package dev.pigeonhole.feedback.function;

import dev.pigeonhole.access.Caller;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.FeedbackRecorder;
import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.feedback.function.api.FeedbackResponse;
import dev.pigeonhole.telemetry.BadPrediction;
import dev.pigeonhole.telemetry.BadPredictionSink;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** {@code POST /feedback}: stores a correction once per prediction, reports it when the prediction was wrong. */
@Controller("/feedback")
public final class FeedbackController {

    private final SubmissionValidator validator;
    private final TabularSubmissionValidator tabularValidator;
    private final FeedbackRecorder recorder;
    private final BadPredictionSink badPredictions;

    public FeedbackController(SubmissionValidator validator, TabularSubmissionValidator tabularValidator,
                              FeedbackRecorder recorder, BadPredictionSink badPredictions) {
        this.validator = validator;
        this.tabularValidator = tabularValidator;
        this.recorder = recorder;
        this.badPredictions = badPredictions;
    }

    /**
     * Records a feedback; a repeated prediction id answers the first record's id and stores nothing new.
     *
     * @param submission {"text" (or "features" for a tabular model), "predicted_label", "true_label", "prediction_id"?,
     *                   "model_version"?}
     * @return 202 with the feedback id, whether the prediction was wrong, whether this feedback requested a retrain
     */
    @Post
    @ExecuteOn(TaskExecutors.BLOCKING) // the store writes may go over the network (S3, Azure Blob)
    @Operation(summary = "Record the right label of a classified text")
    @SecurityRequirement(name = "apiKey")
    public HttpResponse<FeedbackResponse> feedback(@Body FeedbackSubmission submission, HttpRequest<?> request) {
        // FeedbackAccessFilter admits only callers with a key; should any request reach here without one, it is
        // refused all the same, so every record names the client who sent it.
        String clientId = Caller.requireClientId(request, "feedback");
        FeedbackSubmission accepted = tabularValidator.accept(submission).orElseGet(() -> {
            validator.requireValid(submission);
            return submission;
        });
        FeedbackRecorder.Recorded recorded = recorder.record(accepted, clientId);
        FeedbackRecord record = recorded.record();
        // Only once stored, and only for a new record: a retried prediction id was reported the first time.
        if (!recorded.duplicate() && record.badPrediction()) {
            badPredictions.record(new BadPrediction(record.text(), record.predictedLabel(), record.trueLabel(),
                    record.modelVersion(), record.feedbackId(), record.features() == null ? null
                            : FeatureJson.of(record.features())));
        }
        return HttpResponse.<FeedbackResponse>status(HttpStatus.ACCEPTED)
                .body(new FeedbackResponse(record.feedbackId(), record.badPrediction(), recorded.retrainRequested()));
    }
}
