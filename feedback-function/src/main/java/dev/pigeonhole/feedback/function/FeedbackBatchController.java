package dev.pigeonhole.feedback.function;

import dev.pigeonhole.access.Caller;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.FeedbackRecorder;
import dev.pigeonhole.feedback.FeedbackSubmission;
import dev.pigeonhole.model.tabular.InvalidFeaturesException;
import dev.pigeonhole.serving.WrongModelKindException;
import dev.pigeonhole.feedback.function.api.FeedbackBatchAnswer;
import dev.pigeonhole.feedback.function.api.FeedbackBatchRequest;
import dev.pigeonhole.feedback.function.api.FeedbackBatchResponse;
import dev.pigeonhole.feedback.function.api.FeedbackResponse;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.telemetry.BadPrediction;
import dev.pigeonhole.telemetry.BadPredictionSink;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /feedback/batch}: up to {@value #MAX_ITEMS} corrections in one request, each validated as
 * {@code POST /feedback} validates it and answered on its own, in order; the accepted ones are stored at once and
 * counted in one step. Guarded like {@code /feedback} (key, rate limit, body limit: one request of the same bucket).
 */
@Controller("/feedback/batch")
public final class FeedbackBatchController {

    /** The most items one batch may carry. */
    static final int MAX_ITEMS = 500;

    static final String EXAMPLE_BODY = "{\"items\": [" + FeedbackEndpointGuide.EXAMPLE_BODY + ", ...]}";

    private final SubmissionValidator validator;
    private final TabularSubmissionValidator tabularValidator;
    private final FeedbackRecorder recorder;
    private final BadPredictionSink badPredictions;
    private final ExecutorService writers;

    public FeedbackBatchController(SubmissionValidator validator, TabularSubmissionValidator tabularValidator,
                                   FeedbackRecorder recorder, BadPredictionSink badPredictions,
                                   @Named(TaskExecutors.IO) ExecutorService writers) {
        this.validator = validator;
        this.tabularValidator = tabularValidator;
        this.recorder = recorder;
        this.badPredictions = badPredictions;
        this.writers = writers;
    }

    /**
     * Records several feedbacks; an item refused for bad input is answered with its status and message, the others
     * are stored.
     *
     * @param batch {"items": [{"text" (or "features" for a tabular model), "predicted_label", "true_label",
     *              "prediction_id"?, "model_version"?}, ...]}
     * @return 200 with one answer per item, in order: {"code": 202, "status": "accepted", "feedback_id", "bad_prediction",
     *         "retrain_requested"} or {"code": 400, "status": "error", "message"}
     */
    @Post
    @ExecuteOn(TaskExecutors.BLOCKING) // the store writes may go over the network (S3, Azure Blob)
    @Operation(summary = "Record the right labels of up to 500 classified texts, answered one by one in order")
    @SecurityRequirement(name = "apiKey")
    public FeedbackBatchResponse feedbackBatch(@Body FeedbackBatchRequest batch, HttpRequest<?> request) {
        String clientId = Caller.requireClientId(request, "feedback");
        List<FeedbackSubmission> items = batch.items();
        if (items == null) {
            throw rejected("missing field \"items\": send " + EXAMPLE_BODY);
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw rejected("\"items\" has " + items.size() + " corrections: send between 1 and " + MAX_ITEMS);
        }
        FeedbackBatchAnswer[] answers = new FeedbackBatchAnswer[items.size()];
        List<Integer> accepted = new ArrayList<>();
        List<FeedbackSubmission> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FeedbackSubmission item = items.get(i);
            try {
                if (item == null) {
                    throw rejected("item " + i + " is null: send " + FeedbackEndpointGuide.EXAMPLE_BODY);
                }
                FeedbackSubmission submission = tabularValidator.accept(item).orElseGet(() -> {
                    validator.requireValid(item);
                    return item;
                });
                accepted.add(i);
                valid.add(submission);
            } catch (RequestRejectedException e) {
                if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                    throw e; // no model to check labels against: the whole batch waits, as a single feedback would
                }
                answers[i] = FeedbackBatchAnswer.refused(e.status().getCode(), e.getMessage());
            } catch (WrongModelKindException | InvalidFeaturesException e) {
                answers[i] = FeedbackBatchAnswer.refused(HttpStatus.BAD_REQUEST.getCode(), e.getMessage());
            }
        }
        if (!valid.isEmpty()) {
            List<FeedbackRecorder.Recorded> recorded = recorder.recordAll(valid, clientId, writers);
            for (int j = 0; j < recorded.size(); j++) {
                FeedbackRecorder.Recorded outcome = recorded.get(j);
                FeedbackRecord record = outcome.record();
                if (!outcome.duplicate() && record.badPrediction()) {
                    badPredictions.record(new BadPrediction(record.text(), record.predictedLabel(), record.trueLabel(),
                            record.modelVersion(), record.feedbackId(), record.features() == null ? null
                                    : FeatureJson.of(record.features())));
                }
                answers[accepted.get(j)] = FeedbackBatchAnswer.accepted(new FeedbackResponse(record.feedbackId(),
                        record.badPrediction(), outcome.retrainRequested()));
            }
        }
        return new FeedbackBatchResponse(Arrays.asList(answers));
    }

    private static RequestRejectedException rejected(String message) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, message);
    }
}
