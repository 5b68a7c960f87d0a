package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool a check runs (yamllint, shellcheck, node, npm, terraform). When one is missing the check is
 * skipped with a message, except where {@value #REQUIRED} is 1 (.ci/run sets it) or, for Node.js, CI=true: there a
 * missing tool fails the check instead of hiding it.
 */
final class ExternalTool {

    static final String REQUIRED = "PIGEONHOLE_REQUIRE_INFRA_LINT";

    /** What a finished run printed (stdout and stderr together) and its exit code. */
    record Run(int exitCode, String output) {
    }

    private ExternalTool() {
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The tool, or the test skipped (failed where it is required) with {@code howToInstall} in the message. */
    static Path require(String name, String howToInstall) {
        Optional<Path> tool = onPath(name);
        if (tool.isPresent()) {
            return tool.get();
        }
        String message = name + " is not on the PATH (" + howToInstall + ")";
        if ("1".equals(System.getenv(REQUIRED)) || "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; required here (" + REQUIRED + "=1 or CI=true)");
        }
        Assumptions.abort(message + "; skipped. .ci/run installs it and makes this check required");
        throw new IllegalStateException("unreachable");
    }

    /** Runs {@code command} in {@code dir}, waiting up to {@code timeoutSeconds}. */
    static Run run(Path dir, List<String> command, long timeoutSeconds) {
        return run(dir, command, Map.of(), timeoutSeconds);
    }

    /** As {@link #run(Path, List, long)}, with {@code environment} added to the process's environment. */
    static Run run(Path dir, List<String> command, Map<String, String> environment, long timeoutSeconds) {
        try {
            Path output = Files.createTempFile("pigeonhole-tool-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
                }
                return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
