package dev.pigeonhole.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounds the processor time of work on hostile input. Processor time of the calling thread, not wall time, so
 * that other builds on the machine do not fail the test; after a warm-up on a tenth of the input, so that a
 * bound on the interpreter is not a bound on the JIT compiler.
 */
public final class CpuTime {

    /** Generous for what takes milliseconds: the work it guards against took minutes. */
    public static final Duration HOSTILE_INPUT_BOUND = Duration.ofSeconds(2);

    private CpuTime() {
    }

    /** Runs {@code warmUp}, then {@code work}, asserting that {@code work} took less than the bound; its result. */
    public static <T> T assertFast(String name, Runnable warmUp, Supplier<T> work) {
        warmUp.run();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        T result = work.get();
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
        assertTrue(took.compareTo(HOSTILE_INPUT_BOUND) < 0, name + " took " + took.toMillis() + " ms of processor time");
        return result;
    }
}
