package dev.pigeonhole.retrain;

import dev.pigeonhole.training.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints progress lines to the error stream with the seconds elapsed since the job started. */
final class ConsoleProgress implements Progress {

    private final PrintWriter out;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void report(String message) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
        out.flush();
    }
}
