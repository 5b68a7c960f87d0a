package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.HashedSvmRecipe;
import dev.pigeonhole.model.LinearSoftmaxClassifier;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.text.HashedFeatureSpec;
import dev.pigeonhole.text.HashedFeaturesFitter;
import dev.pigeonhole.text.HashedTextFeatures;
import dev.pigeonhole.text.SparseVector;

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
 * Chooses the SVM's C and the character block's share of the norm for a data set, the same way on every data set:
 * each pair of a grid is trained on a stratified part of the training data and scored on the rest (validation
 * accuracy; ties go to the smaller C, then the smaller share). The features are fitted and hashed once; a share
 * only rescales the two blocks. Then, at the chosen pair, character n-grams within white-space tokens (punctuation
 * and emoticons included, model format 3) are tried once, and kept only when they beat words by more than
 * {@link #WHITESPACE_MARGIN}: they make more features and cost more time per text (BENCHMARKS.md).
 */
public final class SvmSearch implements RecipeSearch {

    // Six fits on the validation split keep `train` within its time budget. In cross-validation (BENCHMARKS.md) no
    // character block (share 0) lost on both data sets, and C = 0.1 lost on 20news and gained within noise on tweets.
    public static final List<Double> DEFAULT_C = List.of(0.3, 1.0, 3.0);
    public static final List<Double> DEFAULT_SHARES = List.of(0.3, 0.6);
    /**
     * Validation accuracy white-space character tokens must gain to be chosen. In cross-validation they gained half a
     * point on tweets and nothing on 20news, where they doubled the features of a message and its scoring time.
     */
    public static final double WHITESPACE_MARGIN = 0.0025;

    private final List<Double> cs;
    private final List<Double> shares;
    private final double validationShare;
    private final long seed;
    private final Progress progress;

    public SvmSearch(List<Double> cs, List<Double> shares, double validationShare, long seed, Progress progress) {
        if (cs.isEmpty() || shares.isEmpty()) {
            throw new IllegalArgumentException("the C and share grids must not be empty");
        }
        this.cs = List.copyOf(cs);
        this.shares = List.copyOf(shares);
        this.validationShare = validationShare;
        this.seed = seed;
        this.progress = progress;
    }

    public static SvmSearch defaults(long seed, Progress progress) {
        return new SvmSearch(DEFAULT_C, DEFAULT_SHARES, 0.2, seed, progress);
    }

    @Override
    public Choice select(TextModelRecipe base, Dataset train) {
        if (!(base instanceof HashedSvmRecipe recipe)) {
            throw new IllegalArgumentException("the SVM search tunes " + HashedSvmRecipe.ALGORITHM + ", not " + base.algorithm());
        }
        List<String> labels = train.labels();
        int[] y = train.labelIndices(labels);
        Fold split = StratifiedKFold.holdout(y, validationShare, seed);
        List<String> texts = train.texts();
        List<String> fitTexts = Arrays.stream(split.train()).mapToObj(texts::get).toList();
        HashedTextFeatures features = new HashedFeaturesFitter(recipe.features().withCharShare(0.5),
                recipe.minDocumentFrequency()).fit(fitTexts);
        List<SparseVector> fitX = fitTexts.stream().map(features::transform).toList();
        List<SparseVector> validationX = Arrays.stream(split.test()).mapToObj(i -> features.transform(texts.get(i))).toList();
        int[] fitY = Arrays.stream(split.train()).map(i -> y[i]).toArray();
        int[] validationY = Arrays.stream(split.test()).map(i -> y[i]).toArray();
        List<Double> tried = recipe.features().hasChars() ? shares : List.of(0.0);
        progress.report(String.format(Locale.ROOT, "choosing C among %s and the character share among %s: %,d training, "
                + "%,d validation examples, %,d features", cs, tried, fitX.size(), validationX.size(), features.dimension()));

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        try {
            List<double[]> settings = new ArrayList<>();
            Map<String, Double> scores = new LinkedHashMap<>();
            int best = 0;
            double bestAccuracy = -1;
            // One share at a time, so that only one rescaled copy of the vectors is alive.
            for (double share : tried) {
                List<SparseVector> shareFit = fitX.stream().map(x -> features.reweigh(x, 0.5, share)).toList();
                List<SparseVector> shareValidation = validationX.stream().map(x -> features.reweigh(x, 0.5, share)).toList();
                List<Future<Double>> accuracies = new ArrayList<>();
                for (double c : cs) {
                    accuracies.add(pool.submit(() -> {
                        LinearSoftmaxClassifier classifier = recipe.with(c, share).trainer()
                                .fit(shareFit, fitY, labels.size(), features.dimension());
                        int correct = 0;
                        for (int i = 0; i < shareValidation.size(); i++) {
                            if (classifier.predict(shareValidation.get(i)) == validationY[i]) {
                                correct++;
                            }
                        }
                        double accuracy = correct / (double) shareValidation.size();
                        progress.report(String.format(Locale.ROOT, "  C %s, character share %s: validation accuracy %.4f",
                                c, share, accuracy));
                        return accuracy;
                    }));
                }
                for (int i = 0; i < cs.size(); i++) {
                    double[] setting = {cs.get(i), share};
                    double accuracy = accuracies.get(i).get();
                    scores.put(key(setting), accuracy);
                    settings.add(setting);
                    if (accuracy > bestAccuracy) {
                        best = settings.size() - 1;
                        bestAccuracy = accuracy;
                    }
                }
            }
            double[] chosen = settings.get(best);
            HashedSvmRecipe choice = recipe.with(chosen[0], chosen[1]);
            String described = String.format(Locale.ROOT, "C %s, character share %s", chosen[0], chosen[1]);
            if (recipe.features().hasChars() && recipe.features().charTokens() == HashedFeatureSpec.CharTokens.WORDS) {
                HashedSvmRecipe whitespace = choice.withCharTokens(HashedFeatureSpec.CharTokens.WHITESPACE);
                double accuracy = validationAccuracy(whitespace, fitTexts, fitY, split.test(), texts, validationY,
                        labels.size());
                scores.put(key(chosen) + "_whitespace", accuracy);
                progress.report(String.format(Locale.ROOT, "  C %s, character share %s, character n-grams within "
                        + "white-space tokens: validation accuracy %.4f", chosen[0], chosen[1], accuracy));
                if (accuracy > bestAccuracy + WHITESPACE_MARGIN) {
                    choice = whitespace;
                    described += ", character n-grams within white-space tokens";
                }
            }
            return new Choice(choice, described, scores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while choosing C", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double validationAccuracy(HashedSvmRecipe recipe, List<String> fitTexts, int[] fitY, int[] validation,
                                             List<String> texts, int[] validationY, int classes) {
        HashedTextFeatures features = new HashedFeaturesFitter(recipe.features(), recipe.minDocumentFrequency())
                .fit(fitTexts);
        LinearSoftmaxClassifier classifier = recipe.trainer()
                .fit(fitTexts.stream().map(features::transform).toList(), fitY, classes, features.dimension());
        int correct = 0;
        for (int i = 0; i < validation.length; i++) {
            if (classifier.predict(features.transformForScoring(texts.get(validation[i]))) == validationY[i]) {
                correct++;
            }
        }
        return correct / (double) validation.length;
    }

    private static String key(double[] setting) {
        return "c_" + setting[0] + "_chars_" + setting[1];
    }
}
