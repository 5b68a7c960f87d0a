package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.model.CalibrationError;
import dev.pigeonhole.model.TemperatureCalibrator;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.text.SparseVector;

import java.util.List;

/** Scores a trained model on held-out examples, and fits its probability temperature there. */
public final class HeldOutEvaluation {

    private HeldOutEvaluation() {
    }

    /** Metrics, and the calibration fitted on the same examples. */
    public record Calibrated(ClassificationMetrics metrics, Calibration calibration) {

        public double temperature() {
            return calibration.temperature();
        }
    }

    /**
     * The model's metrics on {@code data} over {@code labels}, which must hold every label of the model and of the
     * data; two models scored over the same list are comparable even when their own labels differ.
     */
    public static ClassificationMetrics metrics(TextModel model, Dataset data, List<String> labels) {
        return score(model, data, labels, false).metrics();
    }

    /** The model's metrics on {@code data} over the model's labels, and the temperature fitted on {@code data}. */
    public static Calibrated calibrated(TextModel model, Dataset data) {
        return score(model, data, model.labels(), true);
    }

    private static Calibrated score(TextModel model, Dataset data, List<String> labels, boolean calibrate) {
        int[] truth = data.labelIndices(labels);
        int[] predicted = new int[truth.length];
        double[][] scores = calibrate ? new double[truth.length][] : null;
        List<String> texts = data.texts();
        for (int i = 0; i < truth.length; i++) {
            SparseVector x = model.features().transform(texts.get(i));
            String label = model.labels().get(model.classifier().predict(x));
            predicted[i] = labels.indexOf(label);
            if (predicted[i] < 0) {
                throw new IllegalArgumentException("the model predicts label '" + label + "', which is not one of " + labels);
            }
            if (calibrate) {
                scores[i] = model.classifier().scores(x);
            }
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(labels, truth, predicted);
        if (!calibrate) {
            return new Calibrated(metrics, Calibration.none());
        }
        double temperature = TemperatureCalibrator.fit(scores, truth);
        return new Calibrated(metrics, new Calibration(temperature,
                TemperatureCalibrator.negativeLogLikelihood(scores, truth, 1.0),
                TemperatureCalibrator.negativeLogLikelihood(scores, truth, temperature),
                CalibrationError.expected(scores, truth, 1.0), CalibrationError.expected(scores, truth, temperature)));
    }
}
