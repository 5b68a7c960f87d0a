package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.LinearSoftmaxClassifier;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Chooses the logistic regression's L2 penalty for a data set: each value of a grid is trained on
 * a stratified part of the training data and scored on the rest (validation accuracy; ties go to
 * the stronger penalty). Topic data such as 20 Newsgroups wants little regularisation, noisy short
 * texts such as tweets much more; one fixed value cannot serve both (see BENCHMARKS.md).
 */
public final class RegularisationSearch implements RecipeSearch {

    public static final List<Double> DEFAULT_GRID = List.of(1e-3, 1e-2, 1e-1, 0.3, 1.0);

    private final List<Double> grid;
    private final double validationShare;
    private final long seed;
    private final Progress progress;

    public RegularisationSearch(List<Double> grid, double validationShare, long seed, Progress progress) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("the penalty grid is empty");
        }
        this.grid = List.copyOf(grid);
        this.validationShare = validationShare;
        this.seed = seed;
        this.progress = progress;
    }

    /** The penalty chosen, with the validation accuracy of every value tried. */
    public record Selection(double lambda, Map<Double, Double> validationAccuracy) {

        /** One line for reports: {@code 0.001: 0.9512, 0.01: 0.9498, ...}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            validationAccuracy.forEach((l, a) -> s.append(s.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s: %.4f", l, a)));
            return s.toString();
        }
    }

    @Override
    public Choice select(TextModelRecipe base, Dataset train) {
        if (!(base instanceof TrainingParameters parameters)) {
            throw new IllegalArgumentException("the penalty search tunes the logistic regression, not " + base.algorithm());
        }
        Selection selection = select(parameters, train, train.labels());
        Map<String, Double> scores = new LinkedHashMap<>();
        selection.validationAccuracy().forEach((lambda, accuracy) -> scores.put("lambda_" + lambda, accuracy));
        return new Choice(parameters.withLambda(selection.lambda()), "L2 penalty " + selection.lambda(), scores);
    }

    /** Searches on {@code train} (label indices into {@code labels}); never sees any other data. */
    public Selection select(TrainingParameters base, Dataset train, List<String> labels) {
        int[] y = train.labelIndices(labels);
        Fold split = StratifiedKFold.holdout(y, validationShare, seed);
        List<String> texts = train.texts();
        List<String> fitTexts = new ArrayList<>(split.train().length);
        for (int i : split.train()) {
            fitTexts.add(texts.get(i));
        }
        TfIdfModel features = new TfIdfVectorizer(base.ngramMin(), base.ngramMax(), base.minDocumentFrequency())
                .fit(fitTexts);
        List<SparseVector> fitX = fitTexts.stream().map(features::transform).toList();
        int[] fitY = Arrays.stream(split.train()).map(i -> y[i]).toArray();
        List<SparseVector> validationX = Arrays.stream(split.test())
                .mapToObj(i -> features.transform(texts.get(i))).toList();
        progress.report(String.format(Locale.ROOT, "choosing the L2 penalty among %s: %,d training, %,d validation examples",
                grid, fitX.size(), validationX.size()));

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(grid.size(), Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Double>> accuracies = new ArrayList<>();
            for (double lambda : grid) {
                accuracies.add(pool.submit(() -> {
                    LinearSoftmaxClassifier classifier = base.withLambda(lambda).trainer()
                            .fit(fitX, fitY, labels.size(), features.dimension());
                    int correct = 0;
                    for (int i = 0; i < validationX.size(); i++) {
                        if (classifier.predict(validationX.get(i)) == y[split.test()[i]]) {
                            correct++;
                        }
                    }
                    double accuracy = correct / (double) validationX.size();
                    progress.report(String.format(Locale.ROOT, "  lambda %s: validation accuracy %.4f", lambda, accuracy));
                    return accuracy;
                }));
            }
            Map<Double, Double> scores = new LinkedHashMap<>();
            double best = grid.get(0);
            for (int i = 0; i < grid.size(); i++) {
                double accuracy = accuracies.get(i).get();
                scores.put(grid.get(i), accuracy);
                if (accuracy > scores.get(best) || (accuracy == scores.get(best) && grid.get(i) > best)) {
                    best = grid.get(i);
                }
            }
            return new Selection(best, scores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while choosing the penalty", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
