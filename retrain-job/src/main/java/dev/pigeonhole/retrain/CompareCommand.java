package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.ClassifierTrainer;
import dev.pigeonhole.model.ProbabilisticClassifier;
import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TextFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code compare}: stratified k-fold cross-validation of candidate classifiers on one data set,
 * on one or more feature sets, printed as a Markdown table (accuracy, macro-F1, training and prediction time).
 * Features are fitted on each training fold only and shared by the candidates.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Cross-validate candidate classifiers and print a Markdown table.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--candidates", split = ",", defaultValue = "lr:1e-4,maxent:1e-4,nb:MULTINOMIAL:0.01,nb:TWCNB:1",
            description = "Candidates, comma-separated: lr:LAMBDA[:ITER], maxent:LAMBDA[:ITER], nb:MODEL:SMOOTHING, svm:C "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> candidates;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sample", description = "Use a stratified sample of this many examples (default: all).")
    Integer sample;

    @Option(names = {"--min-df"}, defaultValue = "2", description = "Minimum document frequency (default: ${DEFAULT-VALUE}).")
    int minDocumentFrequency;

    @Option(names = {"--max-ngram"}, defaultValue = "2", description = "Longest word n-gram (default: ${DEFAULT-VALUE}).")
    int maxNgram;

    @Option(names = "--features", split = ",", defaultValue = "words",
            description = "Feature sets, comma-separated: words, hashed, hashed:CMIN-CMAX:SHARE[:BITS]; every candidate "
                    + "runs on every feature set (default: ${DEFAULT-VALUE}).")
    List<String> featureSets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        List<ClassifierTrainer> trainers = candidates.stream().map(CandidateSpec::parse).toList();
        Dataset dataset = data.read();
        List<String> labels = dataset.labels();
        if (sample != null && sample < dataset.size()) {
            int[] all = dataset.labelIndices(labels);
            dataset = dataset.subset(StratifiedKFold.holdout(all, sample / (double) dataset.size(), seed).test());
        }
        int[] y = dataset.labelIndices(labels);
        List<String> texts = dataset.texts();
        progress.report(String.format(Locale.ROOT, "%s: %,d examples, %d labels, %d folds, seed %d",
                dataset.source(), dataset.size(), labels.size(), folds, seed));

        out.printf(Locale.ROOT, "%n| features | candidate | accuracy (mean ± sd) | macro-F1 (mean ± sd) | fit s/fold | predict µs/doc |%n");
        out.println("|---|---|---|---|---|---|");
        out.flush();
        List<Fold> split = new StratifiedKFold(folds, seed).split(y);
        for (String featureSet : featureSets) {
            Function<List<String>, TextFeatures> fitter = FeatureSetSpec.parse(featureSet, maxNgram, minDocumentFrequency);
            double[][] accuracy = new double[trainers.size()][folds];
            double[][] macroF1 = new double[trainers.size()][folds];
            long[] fitNanos = new long[trainers.size()];
            long[] predictNanos = new long[trainers.size()];
            long predicted = 0;
            for (int f = 0; f < split.size(); f++) {
                // One fold's features at a time, shared by the candidates: character n-grams make them large.
                int[] train = split.get(f).train();
                int[] test = split.get(f).test();
                List<String> trainTexts = Arrays.stream(train).mapToObj(texts::get).toList();
                TextFeatures features = fitter.apply(trainTexts);
                List<SparseVector> trainX = trainTexts.stream().map(features::transform).toList();
                List<SparseVector> testX = Arrays.stream(test).mapToObj(i -> features.transform(texts.get(i))).toList();
                int[] trainY = Arrays.stream(train).map(i -> y[i]).toArray();
                int[] truth = Arrays.stream(test).map(i -> y[i]).toArray();
                progress.report(String.format(Locale.ROOT, "%s fold %d/%d: %,d features", featureSet, f + 1, folds,
                        features.dimension()));
                for (int t = 0; t < trainers.size(); t++) {
                    long start = System.nanoTime();
                    ProbabilisticClassifier classifier = trainers.get(t).fit(trainX, trainY, labels.size(),
                            features.dimension());
                    fitNanos[t] += System.nanoTime() - start;
                    int[] foldPredictions = new int[test.length];
                    start = System.nanoTime();
                    for (int i = 0; i < test.length; i++) {
                        foldPredictions[i] = classifier.predict(testX.get(i));
                    }
                    predictNanos[t] += System.nanoTime() - start;
                    ClassificationMetrics metrics = ClassificationMetrics.of(labels, truth, foldPredictions);
                    accuracy[t][f] = metrics.accuracy();
                    macroF1[t][f] = metrics.macroF1();
                    progress.report(String.format(Locale.ROOT, "  %s: accuracy %.4f", trainers.get(t).describe(),
                            metrics.accuracy()));
                }
                predicted += test.length;
            }
            for (int t = 0; t < trainers.size(); t++) {
                out.printf(Locale.ROOT, "| %s | %s | %.4f ± %.4f | %.4f ± %.4f | %.1f | %.1f |%n", featureSet,
                        trainers.get(t).describe(), mean(accuracy[t]), std(accuracy[t]), mean(macroF1[t]),
                        std(macroF1[t]), fitNanos[t] / 1e9 / folds, predictNanos[t] / 1e3 / predicted);
            }
            out.flush();
        }
        return 0;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    // Population standard deviation over the folds, as the earlier tables (and scikit-learn's np.std) report it.
    private static double std(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
