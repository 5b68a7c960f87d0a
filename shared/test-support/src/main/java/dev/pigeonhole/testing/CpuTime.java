package dev.pigeonhole.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounds the processor time of work on hostile input. Processor time of the calling thread, not wall time, so
 * that other builds on the machine do not fail the test; after a warm-up on a tenth of the input, so that a
 * bound on the interpreter is not a bound on the JIT compiler; the least of {@value #RUNS} runs, so that a
 * run's one-off costs (page faults of a heap that grows, a collector's pause work) are not taken for the
 * work's own: a quadratic parser is slow on every run.
 */
public final class CpuTime {

    /** Generous for what takes milliseconds: the work it guards against took minutes. */
    public static final Duration HOSTILE_INPUT_BOUND = Duration.ofSeconds(2);

    static final int RUNS = 3;

    private CpuTime() {
    }

    /**
     * Runs {@code warmUp}, then {@code work} {@value #RUNS} times, asserting that its quickest run took less than the
     * bound; the last run's result.
     */
    public static <T> T assertFast(String name, Runnable warmUp, Supplier<T> work) {
        warmUp.run();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        T result = null;
        long quickest = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = threads.getCurrentThreadCpuTime();
            result = work.get();
            quickest = Math.min(quickest, threads.getCurrentThreadCpuTime() - start);
        }
        Duration took = Duration.ofNanos(quickest);
        assertTrue(took.compareTo(HOSTILE_INPUT_BOUND) < 0, name + " took " + took.toMillis() + " ms of processor time");
        return result;
    }
}
