package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelTrainer;
import dev.pigeonhole.model.TrainingParameters;

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

    private final TrainingParameters parameters;
    private final double holdoutShare;
    private final long seed;
    private final Progress progress;
    private final RegularisationSearch search;

    public HoldoutTraining(TrainingParameters parameters, double holdoutShare, long seed, Progress progress) {
        this(parameters, holdoutShare, seed, progress, null);
    }

    /** With {@code search} (or null), the penalty is chosen on the twin's training share before both trainings. */
    public HoldoutTraining(TrainingParameters parameters, double holdoutShare, long seed, Progress progress,
                           @Nullable RegularisationSearch search) {
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
        RegularisationSearch.Selection selection = search == null ? null : search.select(parameters, train, labels);
        TrainingParameters used = selection == null ? parameters : parameters.withLambda(selection.lambda());
        if (selection != null) {
            progress.report("L2 penalty " + selection.lambda() + " chosen (validation accuracy " + selection.describe() + ")");
        }
        TextModelTrainer trainer = new TextModelTrainer(used);
        progress.report(String.format(Locale.ROOT,
                "training on %,d examples (evaluation twin) and on all %,d (final model) in parallel",
                train.size(), data.size()));
        CompletableFuture<TextModel> twin = CompletableFuture.supplyAsync(
                () -> trainer.train(train.texts(), train.labelIndices(labels), labels));
        TextModel full = trainer.train(data.texts(), y, labels);
        progress.report("final model trained; waiting for the evaluation twin");
        TextModel evaluated = join(twin);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        HeldOutEvaluation.Calibrated evaluation = HeldOutEvaluation.calibrated(evaluated, test);
        ClassificationMetrics metrics = evaluation.metrics();
        double temperature = evaluation.temperature();
        int heldOut = test.size();
        progress.report(String.format(Locale.ROOT,
                "held-out %,d examples: accuracy %.4f, macro-F1 %.4f; temperature %.3f (log loss %.4f -> %.4f)",
                heldOut, metrics.accuracy(), metrics.macroF1(), temperature,
                evaluation.calibration().logLossUncalibrated(), evaluation.calibration().logLoss()));
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
