package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelRecipe;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Trains a retrain candidate on the training set, calibrates and scores it on the evaluation set, and scores the model
 * in production on the same set. The candidate evaluated is the model published, so its figures are its own.
 */
public final class CandidateTraining {

    private final TextModelRecipe parameters;
    private final double tolerance;
    private final Progress progress;

    public CandidateTraining(TextModelRecipe parameters, double tolerance, Progress progress) {
        this.parameters = parameters;
        this.tolerance = tolerance;
        this.progress = progress;
    }

    /** The trained candidate, and how it compares with {@code current} (null when production serves nothing). */
    public Outcome run(RetrainData data, @Nullable TextModel current, @Nullable String currentVersion) {
        return run(data, current, currentVersion, null);
    }

    /**
     * As {@link #run(RetrainData, TextModel, String)}, with the current model's own held-out figures: every published
     * model was trained on everything, evaluation set included, so scoring it there would flatter it; what its
     * evaluation twin scored on data it had not seen ({@code currentHeldOut}, from its manifest) stands in for it.
     */
    public Outcome run(RetrainData data, @Nullable TextModel current, @Nullable String currentVersion,
                       ModelComparison.@Nullable Score currentHeldOut) {
        return run(data, current, currentVersion, currentHeldOut, null);
    }

    /**
     * As {@link #run(RetrainData, TextModel, String, ModelComparison.Score)}, with the current model's held-out accuracy
     * on the reference data ({@code currentReference}, from its manifest; null: the reference gate does not apply).
     * The candidate is scored on the reference part of the evaluation set, which feedback cannot change.
     */
    public Outcome run(RetrainData data, @Nullable TextModel current, @Nullable String currentVersion,
                       ModelComparison.@Nullable Score currentHeldOut, @Nullable Double currentReference) {
        Dataset training = data.training();
        List<String> labels = training.labels();
        long start = System.nanoTime();
        progress.report(String.format(Locale.ROOT, "training the candidate on %,d examples (%,d from feedback)",
                training.size(), data.feedbackTraining()));
        // The twin learns without the evaluation set and is judged on it; the model published learns from everything
        // (reference data and all feedback), as `train` does. The two are independent, so they train side by side.
        Dataset everything = new Dataset(training.source(), training.sha256(), concat(training, data.evaluation()));
        List<String> allLabels = everything.labels();
        CompletableFuture<TextModel> finalModel = CompletableFuture.supplyAsync(
                () -> parameters.train(everything.texts(), everything.labelIndices(allLabels), allLabels));
        // Judged as it will be served (int8 weights in format 2), as the model in service it is compared with is.
        TextModel trained = new TextModelCodec().asServed(
                parameters.train(training.texts(), training.labelIndices(labels), labels));
        TextModel published = joinFinal(finalModel);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Dataset evaluation = data.evaluation();
        HeldOutEvaluation.Calibrated calibrated = HeldOutEvaluation.calibrated(trained, evaluation);
        ClassificationMetrics candidate = calibrated.metrics();
        ModelComparison.Score currentScore = currentHeldOut;
        if (current != null && currentHeldOut == null) {
            // Scored over the union of labels, so that the two figures count the same classes.
            TreeSet<String> union = new TreeSet<>(labels);
            union.addAll(current.labels());
            List<String> shared = List.copyOf(union);
            if (!shared.equals(labels)) {
                candidate = HeldOutEvaluation.metrics(trained, evaluation, shared);
            }
            currentScore = ModelComparison.Score.of(HeldOutEvaluation.metrics(current, evaluation, shared));
        }
        Dataset referenceEvaluation = new Dataset(evaluation.source(), evaluation.sha256(),
                evaluation.examples().subList(0, data.referenceEvaluation()));
        Double candidateReference = referenceEvaluation.size() == 0 ? null
                : HeldOutEvaluation.metrics(trained, referenceEvaluation, labels).accuracy();
        ModelComparison comparison = new ModelComparison(ModelComparison.Score.of(candidate), currentScore,
                current == null ? null : currentVersion, tolerance, candidateReference,
                current == null ? null : currentReference);
        progress.report(String.format(Locale.ROOT, "evaluation set of %,d (%,d reference, %,d feedback): %s",
                evaluation.size(), data.referenceEvaluation(), data.feedbackEvaluation(), comparison.decision()));
        TrainingResult result = new TrainingResult(published.withTemperature(calibrated.temperature()), parameters, null,
                candidate, calibrated.calibration(), everything.size(), evaluation.size(), elapsed);
        return new Outcome(result, comparison);
    }

    private static List<LabeledText> concat(Dataset first, Dataset second) {
        List<LabeledText> all = new ArrayList<>(first.examples());
        all.addAll(second.examples());
        return all;
    }

    private static TextModel joinFinal(CompletableFuture<TextModel> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The candidate as a training result (metrics on the evaluation set) and its comparison with production. */
    public record Outcome(TrainingResult candidate, ModelComparison comparison) {
    }
}
