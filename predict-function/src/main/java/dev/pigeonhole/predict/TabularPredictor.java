package dev.pigeonhole.predict;

import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.model.tabular.TabularClassification;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.predict.api.ConfidenceScore;
import dev.pigeonhole.predict.api.PredictionResponse;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classifies rows of features with the served tabular model into prediction bodies; every row of a request is checked
 * before any is classified, and a row with a missing, unknown, non-numeric or non-finite feature is refused (400)
 * naming each.
 */
@Singleton
public final class TabularPredictor {

    private final CurrentModel current;
    private final PredictionIds ids;

    public TabularPredictor(CurrentModel current, PredictionIds ids) {
        this.current = current;
        this.ids = ids;
    }

    /** True when the served model classifies rows of numbers (a request without a body part decides its message by it). */
    public boolean servesTabular() {
        return current.get().tabular();
    }

    /** The prediction for the row {@code features}. */
    public PredictionResponse predict(Map<String, Object> features) {
        ServedModel served = current.get();
        TabularModel model = served.tabularModel();
        return predict(served, model, model.row(features, "\"features\""));
    }

    /** The predictions for {@code rows}, in order, all made by the same model version. */
    public List<PredictionResponse> predictAll(List<Map<String, Object>> rows) {
        ServedModel served = current.get();
        TabularModel model = served.tabularModel();
        List<double[]> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "\"rows[" + i + "]\" is null: send an object "
                        + "of features, e.g. {\"" + model.featureNames().get(0) + "\": 1.5, ...}");
            }
            checked.add(model.row(rows.get(i), "\"rows[" + i + "]\""));
        }
        return checked.stream().map(x -> predict(served, model, x)).toList();
    }

    /** What a request to a tabular model must hold, for the message of a request without it. */
    public String missingFeaturesMessage(String field) {
        List<String> names = current.get().tabularModel().featureNames();
        return "missing field \"" + field + "\": this model classifies rows of numbers; send {\"" + field + "\": "
                + ("rows".equals(field) ? "[{...}, ...]" : "{\"" + names.get(0) + "\": 1.5, ...}")
                + "} with every feature: " + String.join(", ", names);
    }

    private PredictionResponse predict(ServedModel served, TabularModel model, double[] x) {
        TabularClassification result = model.classify(x);
        List<ConfidenceScore> scores = result.classification().ranked().stream()
                .map(score -> new ConfidenceScore(score.label(), score.probability()))
                .toList();
        int best = result.classification().bestIndex();
        return new PredictionResponse(ids.next(), served.manifest().version(), model.labels().get(best), best, scores,
                PredictionResponse.SUCCESS, null, result.outOfRange());
    }
}
