package dev.pigeonhole.training;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelRecipe;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * A model trained on all the data, with the metrics its twin (same parameters, trained without
 * the held-out share) reached on that held-out share, the temperature fitted there, the parameters
 * used and, when the penalty was searched, how it was chosen.
 */
public record TrainingResult(TextModel model, TextModelRecipe parameters,
                             @Nullable RecipeSearch.Choice penaltySelection,
                             ClassificationMetrics holdoutMetrics, Calibration calibration,
                             int trainedOn, int heldOut, Duration trainingTime) {

    public double temperature() {
        return calibration.temperature();
    }
}
