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
        return run(data, current, currentVersion, null);
    }

    /**
     * As {@link #run(RetrainData, TextModel, String)}, for a current model that was trained on the reference part of
     * the evaluation set (a model from {@code train}, trained on all the reference data): scoring it there would
     * flatter it, so on that part its own held-out accuracy ({@code currentReferenceAccuracy}, measured by its
     * evaluation twin on the same stratified share) stands in, and only the feedback part is scored.
     */
    public Outcome run(RetrainData data, @Nullable TextModel current, @Nullable String currentVersion,
                       @Nullable Double currentReferenceAccuracy) {
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
        ModelComparison.Score currentScore = null;
        if (current != null) {
            // Scored over the union of labels, so that the two figures count the same classes.
            TreeSet<String> union = new TreeSet<>(labels);
            union.addAll(current.labels());
            List<String> shared = List.copyOf(union);
            if (!shared.equals(labels)) {
                candidate = HeldOutEvaluation.metrics(trained, evaluation, shared);
            }
            currentMetrics = HeldOutEvaluation.metrics(current, evaluation, shared);
            currentScore = ModelComparison.Score.of(currentMetrics);
            if (currentReferenceAccuracy != null) {
                currentScore = unseenEstimate(current, data, shared, currentReferenceAccuracy, currentMetrics);
            }
        }
        ModelComparison comparison = new ModelComparison(ModelComparison.Score.of(candidate), currentScore,
                current == null ? null : currentVersion, tolerance);
        progress.report(String.format(Locale.ROOT, "evaluation set of %,d (%,d reference, %,d feedback): %s",
                evaluation.size(), data.referenceEvaluation(), data.feedbackEvaluation(), comparison.decision()));
        TrainingResult result = new TrainingResult(trained.withTemperature(calibrated.temperature()), parameters, null,
                candidate,
                calibrated.calibration(), training.size(), evaluation.size(), elapsed);
        return new Outcome(result, comparison);
    }

    private static ModelComparison.Score unseenEstimate(TextModel current, RetrainData data, List<String> labels,
                                                        double referenceAccuracy, ClassificationMetrics seen) {
        int reference = data.referenceEvaluation();
        int feedback = data.feedbackEvaluation();
        double feedbackAccuracy = 0;
        if (feedback > 0) {
            List<dev.pigeonhole.data.LabeledText> examples = data.evaluation().examples();
            Dataset feedbackPart = new Dataset(data.evaluation().source(), data.evaluation().sha256(),
                    examples.subList(reference, examples.size()));
            feedbackAccuracy = HeldOutEvaluation.metrics(current, feedbackPart, labels).accuracy();
        }
        double accuracy = (referenceAccuracy * reference + feedbackAccuracy * feedback) / (reference + feedback);
        // Macro-F1 has no such per-part decomposition; it is reported as scored, for information only.
        return new ModelComparison.Score(accuracy, seen.macroF1());
    }

    /** The candidate as a training result (metrics on the evaluation set) and its comparison with production. */
    public record Outcome(TrainingResult candidate, ModelComparison comparison) {
    }
}
