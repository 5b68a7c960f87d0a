package dev.pigeonhole.benchmarks;

import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.ModelResolver;
import dev.pigeonhole.store.StoreLocation;
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

import java.util.concurrent.TimeUnit;

/**
 * Time to make a served model from the store: reading and verifying the files (sha256) and
 * decoding them. Single-shot in fresh JVMs, as at a cold start, plus the warmed-up figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ModelLoadBenchmark {

    private final TextModelCodec codec = new TextModelCodec();
    private LoadedVersion loaded;

    @Setup
    public void setUp() {
        loaded = StoreModels.production();
    }

    /** Resolve the channel, read and verify every file: the store's share of a cold start. */
    @Benchmark
    public LoadedVersion resolveAndVerify() {
        String channel = System.getenv().getOrDefault("PIGEONHOLE_CHANNEL", "production");
        return new ModelResolver(StoreLocation.open(StoreLocation.fromEnvironment())).resolve(channel);
    }

    /** Decode the verified files into a model: the codec's share of a cold start. */
    @Benchmark
    public TextModel decode() {
        return codec.decode(loaded.files());
    }
}
