package dev.pigeonhole.training.tabular;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.tabular.FeatureSummary;
import dev.pigeonhole.model.tabular.TabularClassifier;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.training.Progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a tabular model the way text models are trained: a stratified share is held out; the candidates are scored
 * by stratified k-fold cross-validation on the rest, and the best (accuracy, then macro-F1, then list order) is chosen;
 * its twin, trained on the rest, is evaluated on the held-out share; the served model is trained on all the rows.
 */
public final class TabularTraining {

    /** Cross-validation folds (fewer when a label has fewer training rows). */
    public static final int FOLDS = 5;

    private final List<TabularTrainer> candidates;
    private final double holdout;
    private final long seed;
    private final Progress progress;

    public TabularTraining(List<TabularTrainer> candidates, double holdout, long seed, Progress progress) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate is needed");
        }
        if (!(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("held-out share must be between 0 and 1, got " + holdout);
        }
        this.candidates = List.copyOf(candidates);
        this.holdout = holdout;
        this.seed = seed;
        this.progress = progress;
    }

    /** The default candidates: smile's random forest, and logistic regression on standardised features (two penalties). */
    public static List<TabularTrainer> defaultCandidates(long seed) {
        return List.of(RandomForestTrainer.defaults(seed), new LogisticRegressionTabularTrainer(0.01, 500),
                new LogisticRegressionTabularTrainer(1.0, 500));
    }

    public TabularTrainingResult run(TabularDataset data) {
        long start = System.nanoTime();
        List<String> labels = data.labels();
        int[] y = data.labelIndices(labels);
        Fold split = StratifiedKFold.holdout(y, holdout, seed);
        TabularDataset training = data.subset(split.train());
        TabularDataset heldOut = data.subset(split.test());
        List<CandidateScore> scores = crossValidate(training, labels);
        CandidateScore chosen = best(scores);
        TabularTrainer trainer = chosen.trainer();
        progress.report(String.format(Locale.ROOT, "%s chosen (cross-validated accuracy %.4f, macro-F1 %.4f)",
                chosen.name(), chosen.accuracy(), chosen.macroF1()));

        TabularClassifier twin = trainer.fit(training.matrix(), training.labelIndices(labels), labels.size());
        ClassificationMetrics metrics = ClassificationMetrics.of(labels, heldOut.labelIndices(labels),
                predict(twin, heldOut.matrix()));
        progress.report(String.format(Locale.ROOT, "held-out %d rows: accuracy %.4f, macro-F1 %.4f", heldOut.size(),
                metrics.accuracy(), metrics.macroF1()));

        List<FeatureSummary> features = FeatureProfiler.profile(data);
        TabularClassifier finalClassifier = trainer.fit(data.matrix(), y, labels.size());
        TabularModel model = new TabularModel(features, finalClassifier, labels);
        progress.report("final model trained on all " + data.size() + " rows");
        return new TabularTrainingResult(model, trainer, scores, chosen, metrics, data.size(), heldOut.size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Trains for a retrain: the candidate is chosen by cross-validation on {@code training} alone, its twin trained on
     * {@code training} is scored on the fixed {@code evaluation} set, and the served model learns from both.
     */
    public Evaluated runWithEvaluation(TabularDataset training, TabularDataset evaluation, List<String> labels) {
        long start = System.nanoTime();
        List<CandidateScore> scores = crossValidate(training, labels);
        CandidateScore chosen = best(scores);
        progress.report(String.format(Locale.ROOT, "%s chosen (cross-validated accuracy %.4f, macro-F1 %.4f)",
                chosen.name(), chosen.accuracy(), chosen.macroF1()));
        TabularClassifier twin = chosen.trainer().fit(training.matrix(), training.labelIndices(labels), labels.size());
        ClassificationMetrics metrics = ClassificationMetrics.of(labels, evaluation.labelIndices(labels),
                predict(twin, evaluation.matrix()));
        List<LabeledRow> all = new ArrayList<>(training.rows());
        all.addAll(evaluation.rows());
        TabularDataset everything = new TabularDataset(training.source(), training.sha256(), training.featureNames(), all);
        TabularClassifier served = chosen.trainer().fit(everything.matrix(), everything.labelIndices(labels), labels.size());
        TabularModel model = new TabularModel(FeatureProfiler.profile(everything), served, labels);
        return new Evaluated(new TabularTrainingResult(model, chosen.trainer(), scores, chosen, metrics, everything.size(),
                evaluation.size(), Duration.ofNanos(System.nanoTime() - start)), twin);
    }

    /** A retrain's result and the twin that was evaluated, to score it on parts of the evaluation set. */
    public record Evaluated(TabularTrainingResult result, TabularClassifier twin) {
    }

    /** The accuracy of {@code classifier} on {@code data}. */
    public static double accuracy(TabularClassifier classifier, TabularDataset data, List<String> labels) {
        int[] y = data.labelIndices(labels);
        int[] predicted = predict(classifier, data.matrix());
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += y[i] == predicted[i] ? 1 : 0;
        }
        return y.length == 0 ? Double.NaN : right / (double) y.length;
    }

    private static CandidateScore best(List<CandidateScore> scores) {
        CandidateScore chosen = scores.get(0);
        for (CandidateScore score : scores) {
            if (score.accuracy() > chosen.accuracy()
                    || (score.accuracy() == chosen.accuracy() && score.macroF1() > chosen.macroF1())) {
                chosen = score;
            }
        }
        return chosen;
    }

    /** Every candidate's mean accuracy and macro-F1 over stratified folds of {@code data}, in candidate order. */
    public List<CandidateScore> crossValidate(TabularDataset data, List<String> labels) {
        int[] y = data.labelIndices(labels);
        long smallest = data.labelCounts().values().stream().mapToLong(Long::longValue).min().orElse(0);
        int folds = (int) Math.max(2, Math.min(FOLDS, smallest));
        List<Fold> split = new StratifiedKFold(folds, seed).split(y);
        double[][] x = data.matrix();
        List<CandidateScore> scores = new ArrayList<>();
        for (TabularTrainer candidate : candidates) {
            double accuracy = 0;
            double f1 = 0;
            for (Fold fold : split) {
                TabularClassifier classifier = candidate.fit(rows(x, fold.train()), pick(y, fold.train()), labels.size());
                ClassificationMetrics metrics = ClassificationMetrics.of(labels, pick(y, fold.test()),
                        predict(classifier, rows(x, fold.test())));
                accuracy += metrics.accuracy() / folds;
                f1 += metrics.macroF1() / folds;
            }
            CandidateScore score = new CandidateScore(candidate, folds, accuracy, f1);
            progress.report(String.format(Locale.ROOT, "  %s: %d-fold cross-validated accuracy %.4f, macro-F1 %.4f",
                    score.name(), folds, accuracy, f1));
            scores.add(score);
        }
        return scores;
    }

    public static int[] predict(TabularClassifier classifier, double[][] x) {
        int[] predicted = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] p = classifier.probabilities(x[i]);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    private static double[][] rows(double[][] x, int[] positions) {
        double[][] picked = new double[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = x[positions[i]];
        }
        return picked;
    }

    private static int[] pick(int[] y, int[] positions) {
        int[] picked = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = y[positions[i]];
        }
        return picked;
    }

    /** One candidate's cross-validated scores. */
    public record CandidateScore(TabularTrainer trainer, int folds, double accuracy, double macroF1) {

        /** The algorithm with its distinguishing parameter, e.g. {@code logistic-regression(lambda=0.0100)}. */
        public String name() {
            String lambda = trainer.parameters().get("lambda");
            return trainer.algorithm() + (lambda == null ? "" : "(lambda=" + lambda + ")");
        }
    }
}
