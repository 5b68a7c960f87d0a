package dev.pigeonhole.predict;

import dev.pigeonhole.predict.api.BatchPredictRequest;
import dev.pigeonhole.predict.api.BatchPredictionResponse;
import dev.pigeonhole.predict.api.PredictRequest;
import dev.pigeonhole.predict.api.PredictionResponse;
import dev.pigeonhole.http.RequestRejectedException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

/** {@code POST /predict} and {@code POST /predict/batch}: classify JSON texts, or rows of features for a tabular model. */
@Controller("/predict")
public final class PredictController {

    private final Predictor predictor;
    private final TabularPredictor tabular;
    private final PredictLimits limits;

    public PredictController(Predictor predictor, TabularPredictor tabular, PredictLimits limits) {
        this.predictor = predictor;
        this.tabular = tabular;
        this.limits = limits;
    }

    /**
     * Classifies one text.
     *
     * @param request {"text": "..."}
     * @param explain how many features that pushed the winning category to name (0 to 20; none when absent)
     * @return the category, its index and a score for every category, highest first
     */
    @Post
    @Operation(summary = "Classify one text")
    public PredictionResponse predict(@Body PredictRequest request, @Nullable @QueryValue("explain") String explain) {
        int count = Predictor.explainCount(explain);
        if (request.features() != null || (request.text() == null && tabular.servesTabular())) {
            requireOneOf(request.text() != null, "text", "features");
            if (request.features() == null) {
                throw new RequestRejectedException(HttpStatus.BAD_REQUEST, tabular.missingFeaturesMessage("features"));
            }
            return tabular.predict(request.features());
        }
        Predictor.requireClassifiable("text", request.text());
        requireWithinBodyLimit(request.text().length());
        return predictor.predict(request.text(), count);
    }

    /**
     * Classifies several texts; every text is checked before any is classified.
     *
     * @param request {"texts": ["...", ...]}
     * @param explain how many features that pushed each winning category to name (0 to 20; none when absent)
     * @return one prediction per text, in request order
     */
    @Post("/batch")
    @Operation(summary = "Classify several texts, answered in order")
    public BatchPredictionResponse predictBatch(@Body BatchPredictRequest request,
                                                @Nullable @QueryValue("explain") String explain) {
        int count = Predictor.explainCount(explain);
        if (request.rows() != null || (request.texts() == null && tabular.servesTabular())) {
            requireOneOf(request.texts() != null, "texts", "rows");
            if (request.rows() == null) {
                throw new RequestRejectedException(HttpStatus.BAD_REQUEST, tabular.missingFeaturesMessage("rows"));
            }
            requireBatchSize("rows", request.rows().size());
            return new BatchPredictionResponse(tabular.predictAll(request.rows()));
        }
        List<String> texts = request.texts();
        if (texts == null) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "missing field \"texts\": send {\"texts\": [\"a text\", \"another text\"]}");
        }
        if (texts.isEmpty()) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "\"texts\" is empty: send between 1 and " + limits.maxBatchTexts() + " texts");
        }
        if (texts.size() > limits.maxBatchTexts()) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "\"texts\" has " + texts.size()
                    + " texts, more than the limit of " + limits.maxBatchTexts() + ": split it into smaller batches");
        }
        long characters = 0;
        for (int i = 0; i < texts.size(); i++) {
            Predictor.requireClassifiable("texts[" + i + "]", texts.get(i));
            characters += texts.get(i).length();
        }
        requireWithinBodyLimit(characters);
        return new BatchPredictionResponse(predictor.predictAll(texts, count));
    }

    private static void requireOneOf(boolean both, String text, String features) {
        if (both) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "send either \"" + text + "\" (a text model) or \""
                    + features + "\" (a tabular model), not both");
        }
    }

    private void requireBatchSize(String field, int size) {
        if (size == 0) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "\"" + field + "\" is empty: send between 1 and " + limits.maxBatchTexts() + " " + field);
        }
        if (size > limits.maxBatchTexts()) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "\"" + field + "\" has " + size
                    + " " + field + ", more than the limit of " + limits.maxBatchTexts() + ": split it into smaller batches");
        }
    }

    // Backs up PredictBodyLimitFilter for bodies sent without a Content-Length: a character takes at least one byte.
    private void requireWithinBodyLimit(long characters) {
        if (characters > limits.maxBodyBytes()) {
            throw new RequestRejectedException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    PredictBodyLimitFilter.tooLargeMessage(limits.maxBodyBytes()));
        }
    }
}
