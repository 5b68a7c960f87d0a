package dev.pigeonhole.benchmarks;

import dev.pigeonhole.access.AccessConfiguration;
import dev.pigeonhole.access.AccessGate;
import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.access.Caller;
import dev.pigeonhole.access.RateLimit;
import dev.pigeonhole.access.TokenBuckets;
import dev.pigeonhole.model.Classification;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * What access control adds to a prediction: the predict filter's work (key check against 10 configured keys, the
 * per-address token bucket among 10,000 tracked callers) alone, and in front of the served model's classification,
 * beside the classification alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccessBenchmark {

    private static final int CALLERS = 10_000;

    private TextModel model;
    private String message;
    private AccessGate gate;
    private TokenBuckets limiter;
    private MutableHttpRequest<String>[] requests;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        model = new TextModelCodec().decode(StoreModels.production().files());
        message = StoreModels.message();
        StringJoiner keys = new StringJoiner(",");
        for (int i = 0; i < 10; i++) {
            keys.add("client-" + i + ":" + ApiKeys.sha256Hex("benchmark-key-" + i + "-0123456789abcdefghijklmnopq"));
        }
        // Trusting one proxy lets each request name its own address, so the limiter works on 10,000 callers.
        gate = new AccessGate(new AccessConfiguration(keys.toString(), 1, CALLERS));
        // Generous enough that no request is refused: the cost measured is that of a request let through.
        limiter = gate.limiter(new RateLimit(1_000_000, 1_000_000));
        requests = new MutableHttpRequest[CALLERS];
        for (int i = 0; i < CALLERS; i++) {
            requests[i] = HttpRequest.POST("/predict", "{}")
                    .header("X-API-Key", "benchmark-key-" + (i % 10) + "-0123456789abcdefghijklmnopq")
                    .header("X-Forwarded-For", "10.0." + (i >> 8) + "." + (i & 255));
        }
    }

    private MutableHttpRequest<String> nextRequest() {
        next = (next + 1) % CALLERS;
        return requests[next];
    }

    /** The predict filter's work for one request with a key: admit (hash, compare, caller) and take a token. */
    @Benchmark
    public void accessCheck(Blackhole hole) {
        MutableHttpRequest<String> request = nextRequest();
        hole.consume(gate.admit(request, false, "prediction"));
        hole.consume(AccessGate.limit(limiter, Caller.of(request).orElseThrow().address(), "prediction"));
    }

    @Benchmark
    public Classification classify() {
        return model.classify(message);
    }

    @Benchmark
    public Classification classifyBehindAccessCheck(Blackhole hole) {
        accessCheck(hole);
        return model.classify(message);
    }
}
