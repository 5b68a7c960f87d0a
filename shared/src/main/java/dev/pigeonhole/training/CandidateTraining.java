package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelTrainer;
import dev.pigeonhole.model.TrainingParameters;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Trains a retrain candidate on the training set, calibrates and scores it on the evaluation set, and scores the model
 * in production on the same set. The candidate evaluated is the model published, so its figures are its own.
 */
public final class CandidateTraining {

    private final TrainingParameters parameters;
    private final double tolerance;
    private final Progress progress;

    public CandidateTraining(TrainingParameters parameters, double tolerance, Progress progress) {
        this.parameters = parameters;
        this.tolerance = tolerance;
        this.progress = progress;
    }

    /** The trained candidate, and how it compares with {@code current} (null when production serves nothing). */
    public Outcome run(RetrainData data, @Nullable TextModel current, @Nullable String currentVersion) {
        Dataset training = data.training();
        List<String> labels = training.labels();
        long start = System.nanoTime();
        progress.report(String.format(Locale.ROOT, "training the candidate on %,d examples (%,d from feedback)",
                training.size(), data.feedbackTraining()));
        TextModel trained = new TextModelTrainer(parameters).train(training.texts(), training.labelIndices(labels), labels);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Dataset evaluation = data.evaluation();
        HeldOutEvaluation.Calibrated calibrated = HeldOutEvaluation.calibrated(trained, evaluation);
        ClassificationMetrics candidate = calibrated.metrics();
        ClassificationMetrics currentMetrics = null;
        if (current != null) {
            // Scored over the union of labels, so that the two figures count the same classes.
            TreeSet<String> union = new TreeSet<>(labels);
            union.addAll(current.labels());
            List<String> shared = List.copyOf(union);
            if (!shared.equals(labels)) {
                candidate = HeldOutEvaluation.metrics(trained, evaluation, shared);
            }
            currentMetrics = HeldOutEvaluation.metrics(current, evaluation, shared);
        }
        ModelComparison comparison = new ModelComparison(candidate, currentMetrics, current == null ? null : currentVersion,
                tolerance);
        progress.report(String.format(Locale.ROOT, "evaluation set of %,d (%,d reference, %,d feedback): %s",
                evaluation.size(), data.referenceEvaluation(), data.feedbackEvaluation(), comparison.decision()));
        TrainingResult result = new TrainingResult(trained.withTemperature(calibrated.temperature()), parameters, null,
                candidate,
                calibrated.calibration(), training.size(), evaluation.size(), elapsed);
        return new Outcome(result, comparison);
    }

    /** The candidate as a training result (metrics on the evaluation set) and its comparison with production. */
    public record Outcome(TrainingResult candidate, ModelComparison comparison) {
    }
}
