package dev.pigeonhole.benchmarks;

import dev.pigeonhole.model.tabular.TabularClassification;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.model.tabular.TabularModelCodec;
import dev.pigeonhole.training.tabular.LogisticRegressionTabularTrainer;
import dev.pigeonhole.training.tabular.RandomForestTrainer;
import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.training.tabular.TabularDatasetReader;
import dev.pigeonhole.training.tabular.TabularTrainer;
import dev.pigeonhole.training.tabular.TabularTraining;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Iris row, as {@code POST /predict {"features": ...}} classifies it: the row checked and put in the model's order,
 * then scored, by the served plain arrays (decoded from the files a version holds) of the default random forest (200
 * trees) and of the logistic regression. Run from the repository root (it reads data/iris/iris.csv).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TabularPredictBenchmark {

    private TabularModel forest;
    private TabularModel linear;
    private Map<String, Object> row;

    @Setup
    public void setUp() {
        TabularDataset iris = new TabularDatasetReader("species").read(Path.of("data", "iris", "iris.csv"));
        forest = served(iris, RandomForestTrainer.defaults(42));
        linear = served(iris, new LogisticRegressionTabularTrainer(0.01, 500));
        row = Map.of("sepal_length", 6.7, "sepal_width", 3.1, "petal_length", 5.6, "petal_width", 2.4);
    }

    private static TabularModel served(TabularDataset data, TabularTrainer trainer) {
        TabularModel trained = new TabularTraining(List.of(trainer), 0.2, 42, message -> { }).run(data).model();
        TabularModelCodec codec = new TabularModelCodec();
        return codec.decode(codec.encode(trained));
    }

    @Benchmark
    public TabularClassification forestRow() {
        return forest.classify(forest.row(row, "features"));
    }

    @Benchmark
    public TabularClassification linearRow() {
        return linear.classify(linear.row(row, "features"));
    }
}
