package dev.pigeonhole.predict;

import dev.pigeonhole.model.Classification;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.predict.api.ConfidenceScore;
import dev.pigeonhole.predict.api.FeatureWeight;
import dev.pigeonhole.predict.api.PredictionResponse;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;

/** Classifies one text with the served model into a prediction body, refusing texts it cannot classify. */
@Singleton
public final class Predictor {

    private final CurrentModel current;
    private final PredictionIds ids;

    public Predictor(CurrentModel current, PredictionIds ids) {
        this.current = current;
        this.ids = ids;
    }

    /**
     * Refuses {@code text} (named {@code field} in the message) unless it is worth classifying:
     * present, not blank, and with at least one letter, since the features are built from words.
     */
    public static void requireClassifiable(String field, String text) {
        if (text == null) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "missing field \"" + field + "\": send {\"text\": \"the text to classify\"}");
        }
        if (text.isBlank()) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "\"" + field + "\" is empty or only whitespace: send the text to classify");
        }
        if (text.codePoints().noneMatch(Character::isLetter)) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "\"" + field + "\" has no letters, only digits, punctuation or symbols: send words to classify");
        }
    }

    /** The prediction for {@code text}, already checked with {@link #requireClassifiable}. */
    public PredictionResponse predict(String text) {
        return predict(text, 0);
    }

    /** As {@link #predict(String)}, with the {@code explain} features that pushed the winner most (0: none). */
    public PredictionResponse predict(String text, int explain) {
        return predict(current.get(), text, explain);
    }

    /** The predictions for {@code texts}, in order, all made by the same model version. */
    public List<PredictionResponse> predictAll(List<String> texts) {
        return predictAll(texts, 0);
    }

    /** As {@link #predictAll(List)}, each with the {@code explain} features that pushed its winner most (0: none). */
    public List<PredictionResponse> predictAll(List<String> texts, int explain) {
        ServedModel served = current.get();
        return texts.stream().map(text -> predict(served, text, explain)).toList();
    }

    /**
     * Reads the {@code explain} query parameter: absent is 0, else a whole number from 0 to {@value #MAX_EXPLAIN}.
     */
    public static int explainCount(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 0 && count <= MAX_EXPLAIN) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                "explain must be a whole number from 0 to " + MAX_EXPLAIN + ", got \"" + value + "\"");
    }

    /** The most features an answer explains a prediction with. */
    public static final int MAX_EXPLAIN = 20;

    private PredictionResponse predict(ServedModel served, String text, int explain) {
        TextModel model = served.model();
        Classification classification = model.classify(text);
        List<ConfidenceScore> scores = classification.ranked().stream()
                .map(score -> new ConfidenceScore(score.label(), score.probability()))
                .toList();
        int best = classification.bestIndex();
        List<FeatureWeight> explanation = explain == 0 ? null : model.explain(text, best, explain).stream()
                .map(contribution -> new FeatureWeight(contribution.feature(), contribution.contribution()))
                .toList();
        return new PredictionResponse(ids.next(), served.manifest().version(), model.labels().get(best), best,
                scores, PredictionResponse.SUCCESS, explanation);
    }
}
