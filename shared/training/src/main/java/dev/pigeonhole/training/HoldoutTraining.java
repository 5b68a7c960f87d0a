package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelRecipe;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Trains a model on all the data and measures it honestly: a twin trained without a stratified
 * held-out share is evaluated on that share, where the probability temperature is also fitted.
 * The two trainings are independent, so they run side by side.
 */
public final class HoldoutTraining {

    private final TextModelRecipe parameters;
    private final double holdoutShare;
    private final long seed;
    private final Progress progress;
    private final RecipeSearch search;

    public HoldoutTraining(TextModelRecipe parameters, double holdoutShare, long seed, Progress progress) {
        this(parameters, holdoutShare, seed, progress, null);
    }

    /** With {@code search} (or null), hyper-parameters are chosen on the twin's training share before both trainings. */
    public HoldoutTraining(TextModelRecipe parameters, double holdoutShare, long seed, Progress progress,
                           @Nullable RecipeSearch search) {
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("held-out share must be between 0 and 1, got " + holdoutShare);
        }
        this.parameters = parameters;
        this.holdoutShare = holdoutShare;
        this.seed = seed;
        this.progress = progress;
        this.search = search;
    }

    public TrainingResult run(Dataset data) {
        List<String> labels = data.labels();
        int[] y = data.labelIndices(labels);
        Fold split = StratifiedKFold.holdout(y, holdoutShare, seed);
        Dataset train = data.subset(split.train());
        Dataset test = data.subset(split.test());
        long start = System.nanoTime();
        RecipeSearch.Choice selection = search == null ? null : search.select(parameters, train);
        TextModelRecipe used = selection == null ? parameters : selection.recipe();
        if (selection != null) {
            progress.report(selection.chosen() + " chosen (validation accuracy " + selection.describe() + ")");
        }
        progress.report(String.format(Locale.ROOT,
                "training on %,d examples (evaluation twin) and on all %,d (final model) in parallel",
                train.size(), data.size()));
        CompletableFuture<TextModel> twin = CompletableFuture.supplyAsync(
                () -> used.train(train.texts(), train.labelIndices(labels), labels));
        TextModel full = used.train(data.texts(), y, labels);
        progress.report("final model trained; waiting for the evaluation twin");
        TextModel trained = join(twin);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // Measured as it will be served: format 2 stores int8 weights, so the held-out figures and the temperature
        // are those of the quantised model, not of the floats it was trained as.
        TextModel evaluated = new TextModelCodec().asServed(trained);
        ClassificationMetrics trainedMetrics = HeldOutEvaluation.metrics(trained, test, labels);
        HeldOutEvaluation.Calibrated evaluation = HeldOutEvaluation.calibrated(evaluated, test);
        ClassificationMetrics metrics = evaluation.metrics();
        double temperature = evaluation.temperature();
        int heldOut = test.size();
        progress.report(String.format(Locale.ROOT,
                "held-out %,d examples: accuracy %.4f, macro-F1 %.4f; temperature %.3f (log loss %.4f -> %.4f, "
                        + "calibration error %.4f -> %.4f)",
                heldOut, metrics.accuracy(), metrics.macroF1(), temperature,
                evaluation.calibration().logLossUncalibrated(), evaluation.calibration().logLoss(),
                evaluation.calibration().calibrationErrorUncalibrated(), evaluation.calibration().calibrationError()));
        progress.report(String.format(Locale.ROOT, "  (as trained, before the artifact's encoding: accuracy %.4f, macro-F1 %.4f)",
                trainedMetrics.accuracy(), trainedMetrics.macroF1()));
        return new TrainingResult(full.withTemperature(temperature), used, selection, metrics, evaluation.calibration(),
                data.size(), heldOut, elapsed);
    }

    private static TextModel join(CompletableFuture<TextModel> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
