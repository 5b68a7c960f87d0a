package dev.pigeonhole.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** The files of the repository checkout the tests check (infra/, .github/, the modules' sources). */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The checkout's root: the system property surefire sets, else the parent of the working directory. */
    static Path root() {
        return Path.of(System.getProperty("pigeonhole.repository", "..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code relativeDir} whose path relative to it matches {@code glob}, sorted; skips node_modules and target. */
    static List<Path> find(String relativeDir, String glob) {
        Path dir = path(relativeDir);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matcher.matches(dir.relativize(file)))
                    .filter(file -> !file.toString().contains("node_modules") && !file.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
