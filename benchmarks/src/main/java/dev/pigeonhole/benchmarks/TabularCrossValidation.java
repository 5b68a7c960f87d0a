package dev.pigeonhole.benchmarks;

import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.training.tabular.TabularDatasetReader;
import dev.pigeonhole.training.tabular.TabularTraining;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The tabular candidates' 5-fold stratified cross-validated accuracy and macro-F1 on a whole data set, the protocol
 * {@code bench/tabular_sklearn.py} repeats with scikit-learn: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.pigeonhole.benchmarks.TabularCrossValidation data/iris/iris.csv species}.
 */
public final class TabularCrossValidation {

    private TabularCrossValidation() {
    }

    public static void main(String[] args) {
        TabularDataset data = new TabularDatasetReader(args[1]).read(Path.of(args[0]));
        long start = System.nanoTime();
        for (TabularTraining.CandidateScore score : new TabularTraining(TabularTraining.defaultCandidates(42), 0.2, 42,
                message -> { }).crossValidate(data, data.labels())) {
            System.out.printf(Locale.ROOT, "%s\t%d folds\taccuracy %.4f\tmacro-F1 %.4f%n", score.name(), score.folds(),
                    score.accuracy(), score.macroF1());
        }
        System.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
