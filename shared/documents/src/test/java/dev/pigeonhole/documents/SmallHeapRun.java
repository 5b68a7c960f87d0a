package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a main class of the tests printed, and how it ended, run in a JVM of its own with a small heap. */
record SmallHeapRun(int exitValue, String output) {

    /** Runs {@code main} with {@code -Xmx<maxHeap>} and the serial collector, on the tests' class path. */
    static SmallHeapRun of(String maxHeap, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return new SmallHeapRun(process.exitValue(), output);
    }

    /** The lines it printed that start with {@code prefix}. */
    List<String> linesStartingWith(String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).toList();
    }
}
