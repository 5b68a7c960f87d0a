package dev.pigeonhole.benchmarks;

import dev.pigeonhole.model.Classification;
import dev.pigeonhole.model.FeatureContribution;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.text.SparseVector;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Single-document prediction on the served model: features alone, and features plus scoring. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PredictBenchmark {

    private TextModel model;
    private String message;

    @Setup
    public void setUp() {
        model = new TextModelCodec().decode(StoreModels.production().files());
        message = StoreModels.message();
    }

    @Benchmark
    public SparseVector features() {
        return model.features().transform(message);
    }

    @Benchmark
    public Classification classify() {
        return model.classify(message);
    }

    /** What {@code ?explain=5} adds: the features again, a partial sort, and naming the five from the text. */
    @Benchmark
    public List<FeatureContribution> explain5() {
        return model.explain(message, 0, 5);
    }
}
