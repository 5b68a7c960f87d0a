package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.CrossValidationResult;
import dev.pigeonhole.evaluation.CrossValidator;
import dev.pigeonhole.evaluation.Fold;
import dev.pigeonhole.evaluation.StratifiedKFold;
import dev.pigeonhole.model.ClassifierTrainer;
import dev.pigeonhole.model.ProbabilisticClassifier;
import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import dev.pigeonhole.text.TfIdfVectorizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code compare}: stratified k-fold cross-validation of candidate classifiers on one data set,
 * printed as a Markdown table (accuracy, macro-F1, training and prediction time). Features are
 * fitted on each training fold only and shared by the candidates.
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

    private final Map<Integer, FoldFeatures> featureCache = new HashMap<>();

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

        out.printf(Locale.ROOT, "%n| candidate | accuracy (mean ± sd) | macro-F1 (mean ± sd) | fit s/fold | predict µs/doc |%n");
        out.println("|---|---|---|---|---|");
        out.flush();
        CrossValidator validator = new CrossValidator(new StratifiedKFold(folds, seed));
        for (ClassifierTrainer trainer : trainers) {
            long[] fitNanos = {0};
            long[] predictNanos = {0};
            int[] predicted = {0};
            CrossValidationResult result = validator.run(y, labels, (train, test) -> {
                FoldFeatures features = features(texts, train, test);
                int[] trainY = Arrays.stream(train).map(i -> y[i]).toArray();
                long start = System.nanoTime();
                ProbabilisticClassifier classifier = trainer.fit(features.train(), trainY, labels.size(),
                        features.model().dimension());
                fitNanos[0] += System.nanoTime() - start;
                int[] foldPredictions = new int[test.length];
                start = System.nanoTime();
                for (int i = 0; i < test.length; i++) {
                    foldPredictions[i] = classifier.predict(features.test().get(i));
                }
                predictNanos[0] += System.nanoTime() - start;
                predicted[0] += test.length;
                return foldPredictions;
            }, (fold, total, metrics) -> progress.report(String.format(Locale.ROOT, "%s fold %d/%d: accuracy %.4f",
                    trainer.describe(), fold + 1, total, metrics.accuracy())));
            out.printf(Locale.ROOT, "| %s | %.4f ± %.4f | %.4f ± %.4f | %.1f | %.1f |%n", trainer.describe(),
                    result.meanAccuracy(), result.stdAccuracy(), result.meanMacroF1(), result.stdMacroF1(),
                    fitNanos[0] / 1e9 / folds, predictNanos[0] / 1e3 / predicted[0]);
            out.flush();
        }
        return 0;
    }

    private FoldFeatures features(List<String> texts, int[] train, int[] test) {
        return featureCache.computeIfAbsent(Arrays.hashCode(train), key -> {
            List<String> trainTexts = new ArrayList<>(train.length);
            for (int i : train) {
                trainTexts.add(texts.get(i));
            }
            TfIdfModel model = new TfIdfVectorizer(1, maxNgram, minDocumentFrequency).fit(trainTexts);
            List<SparseVector> trainX = trainTexts.stream().map(model::transform).toList();
            List<SparseVector> testX = Arrays.stream(test).mapToObj(i -> model.transform(texts.get(i))).toList();
            return new FoldFeatures(model, trainX, testX);
        });
    }

    private record FoldFeatures(TfIdfModel model, List<SparseVector> train, List<SparseVector> test) {
    }
}
