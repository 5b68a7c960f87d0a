package dev.pigeonhole.training;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.model.TextModel;

import java.time.Duration;

/**
 * A model trained on all the data, with the metrics its twin (same parameters, trained without
 * the held-out share) reached on that held-out share, and the temperature fitted there.
 */
public record TrainingResult(TextModel model, ClassificationMetrics holdoutMetrics, Calibration calibration,
                             int trainedOn, int heldOut, Duration trainingTime) {

    public double temperature() {
        return calibration.temperature();
    }
}
