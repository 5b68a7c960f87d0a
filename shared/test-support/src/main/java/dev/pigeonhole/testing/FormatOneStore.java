package dev.pigeonhole.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A store written by the first release (format 1, {@code fixtures/store-format-1}, trained from
 * {@code fixtures/tiny-topics.jsonl}): its production channel serves {@link #VERSION}. Copied out of the class path,
 * where it may sit in a jar, into a folder a test names.
 */
public final class FormatOneStore {

    /** The version the fixture's production channel serves. */
    public static final String VERSION = "v20261122-014850-002";

    private static final String ROOT = "/fixtures/store-format-1/";
    private static final List<String> FILES = List.of("channels/production.json",
            "models/" + VERSION + "/manifest.json", "models/" + VERSION + "/model.json",
            "models/" + VERSION + "/vocabulary.tsv.gz", "models/" + VERSION + "/weights.bin",
            "models/" + VERSION + "/metrics.json", "models/" + VERSION + "/confusion-matrix.svg",
            "models/" + VERSION + "/report.md");

    private FormatOneStore() {
    }

    /** Copies the fixture store into {@code dir} and returns {@code dir}. */
    public static Path copyTo(Path dir) {
        try {
            for (String file : FILES) {
                try (InputStream in = FormatOneStore.class.getResourceAsStream(ROOT + file)) {
                    if (in == null) {
                        throw new IllegalStateException("fixture file " + ROOT + file + " is not on the class path");
                    }
                    Path target = dir.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
