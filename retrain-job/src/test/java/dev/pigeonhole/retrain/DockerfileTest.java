package dev.pigeonhole.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dockerfile no engine here can build: what it copies is what the build makes, and it runs the job as no root. */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private final List<String> instructions = instructions();

    @Test
    void itStartsFromTheJava17RuntimeImage() {
        assertEquals("FROM eclipse-temurin:17-jre", instructions.get(0));
    }

    @Test
    void itCopiesTheShadedJarTheBuildNamesAndNotTheUnshadedOne() {
        String source = copySource("/app/retrain-job.jar");
        String jarName = System.getProperty("pigeonhole.retrain-job.jar-name");
        assertTrue(jarName != null && jarName.startsWith("pigeonhole-retrain-job-"), "jar name " + jarName);

        assertTrue(glob(source).matches(Path.of("target", jarName)), source + " does not match target/" + jarName);
        assertFalse(glob(source).matches(Path.of("target", "original-" + jarName)), source);
        assertFalse(glob(source).matches(Path.of("target", "original-" + jarName).getFileName()), source);
    }

    @Test
    void itCopiesTheReferenceDataToTheJobsDefaultDataPath() {
        assertEquals("target/docker/data/", copySource("/app/data/"));
        assertTrue(instructions.contains("WORKDIR /app"), instructions.toString());
        assertTrue(Files.isRegularFile(Path.of("..", "data", "20news", "train.jsonl.gz")),
                "the build copies data/20news/ to target/docker/data/20news/ and the job reads data/20news/train.jsonl.gz");
    }

    @Test
    void itRunsAsAnUnprivilegedUser() {
        String user = instructions.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        String uid = user.substring("USER ".length()).split(":")[0];
        assertNotEquals("root", uid);
        assertNotEquals("0", uid);
        assertTrue(instructions.indexOf(user) < indexOfPrefix("ENTRYPOINT"), "USER must come before ENTRYPOINT");
    }

    @Test
    void itRunsTheJarWithRetrainAsTheDefaultCommand() {
        String entrypoint = instructions.get(indexOfPrefix("ENTRYPOINT"));
        assertTrue(entrypoint.startsWith("ENTRYPOINT [\"java\", ") && entrypoint.endsWith("\"-jar\", \"/app/retrain-job.jar\"]"),
                entrypoint);
        assertEquals("CMD [\"retrain\"]", instructions.get(instructions.size() - 1));
    }

    private String copySource(String destination) {
        return instructions.stream().filter(i -> i.startsWith("COPY ") && i.endsWith(" " + destination))
                .map(i -> i.split("\\s+")[1]).findFirst()
                .orElseThrow(() -> new AssertionError("no COPY to " + destination + " in " + instructions));
    }

    private int indexOfPrefix(String prefix) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith(prefix + " ")) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix + " in " + instructions);
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    /** The instructions, continuation lines joined, comments and blank lines dropped. */
    private static List<String> instructions() {
        try {
            String text = Files.readString(DOCKERFILE).replace("\\\n", " ");
            return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.replaceAll("\\s+", " ")).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + DOCKERFILE.toAbsolutePath(), e);
        }
    }
}
