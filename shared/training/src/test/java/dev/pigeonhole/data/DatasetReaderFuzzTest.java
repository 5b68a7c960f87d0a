package dev.pigeonhole.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.testing.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the data-set reader: random text, JSON Lines and CSV built from fragments that break them (quotes, braces,
 * nesting, huge numbers, unicode, duplicate or missing columns), and bytes flipped in valid (optionally gzipped)
 * files. It answers a data set or a {@link DatasetException} saying what is wrong, and nothing else. Inputs come from
 * a {@link Random} with a fixed seed, so a failure names its input and reproduces on every run.
 */
class DatasetReaderFuzzTest {

    private static final DatasetReader READER = new DatasetReader("text", "category");
    private static final String VALID_JSONL = """
            {"text": "the rocket reached orbit", "category": "Science"}
            {"text": "astronomers saw the planet", "category": "Science"}
            {"text": "the team won the game", "category": "Sport"}
            {"text": "the pitcher threw a strike", "category": "Sport"}
            """;
    private static final String VALID_CSV = """
            text,category
            the rocket reached orbit,Science
            "astronomers saw ""the"" planet",Science
            the team won the game,Sport
            "the pitcher, a strike",Sport
            """;
    private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", "\"", ",", ":", "\n", "\r\n", " ",
            "\"text\"", "\"category\"", "text", "category", "null", "true", "1e999999", "-0", "123456789012345678901234567890",
            "\\u0000", "\\ud800", "é", "🐦", "\u0000", "[[[[[[[[", "{\"a\":{\"a\":{\"a\":", "\"\"", ",,", "\"x\"\"y\"", "Science",
            "Sport", "\ufeff");
    private static final List<String> NAMES = List.of("data.jsonl", "data.csv", "data.jsonl.gz", "data.csv.gz",
            "data.json", "data.txt");
    private static final List<String> COLUMNS = List.of("text", "category", "", "text ", "\"text\"", "\"\"", "a",
            "label");
    private static final List<Named> ORIGINALS = List.of(
            new Named("data.jsonl", VALID_JSONL.getBytes(StandardCharsets.UTF_8)),
            new Named("data.csv", VALID_CSV.getBytes(StandardCharsets.UTF_8)),
            new Named("data.jsonl.gz", gzip(VALID_JSONL)),
            new Named("data.csv.gz", gzip(VALID_CSV)));

    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("dataset-fuzz");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Test
    void fragmentSoupGivesADatasetOrADatasetException() {
        Fuzz.check(0x5EED_0101L, 400, random -> new Named(Fuzz.oneOf(random, NAMES),
                soup(random).getBytes(StandardCharsets.UTF_8)), file -> readOrRefuse(file.name(), file.content()));
    }

    @Test
    void randomBytesGiveADatasetOrADatasetException() {
        Fuzz.check(0x5EED_0102L, 200, random -> new Named(Fuzz.oneOf(random, NAMES), Fuzz.bytes(random, 0, 2048)),
                file -> readOrRefuse(file.name(), file.content()));
    }

    @Test
    void mutatedValidFilesGiveADatasetOrADatasetException() {
        Fuzz.check(0x5EED_0103L, 300, DatasetReaderFuzzTest::mutation, file -> readOrRefuse(file.name(), file.content()));
    }

    @Test
    void csvHeadersOfAnyShapeGiveADatasetOrADatasetException() {
        Fuzz.check(0x5EED_0104L, 100, DatasetReaderFuzzTest::header, header -> readOrRefuse("data.csv",
                (header + "\nthe rocket,Science,x\nthe probe,Science,y\na goal,Sport,z\na win,Sport,w\n")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    record Named(String name, byte[] content) {
        @Override
        public String toString() {
            return name + " as UTF-8: " + new String(content, StandardCharsets.UTF_8) + " / as " + Fuzz.show(content);
        }
    }

    private static void readOrRefuse(String name, byte[] content) {
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Dataset dataset = READER.read(file);
            assertTrue(dataset.size() >= 4, "a data set that trains has at least 2 labels of 2 examples");
        } catch (DatasetException refused) {
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal without message");
        }
    }

    /** Up to 60 fragments glued together. */
    private static String soup(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(61); i > 0; i--) {
            out.append(Fuzz.oneOf(random, FRAGMENTS));
        }
        return out.toString();
    }

    /** 1 to 5 column names, any of them empty, quoted, repeated or unknown. */
    private static String header(Random random) {
        List<String> columns = new ArrayList<>();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            columns.add(Fuzz.oneOf(random, COLUMNS));
        }
        return String.join(",", columns);
    }

    /** A valid file (maybe gzipped) with 1 to 8 bytes replaced, then cut to 30 to 100 % of its length. */
    private static Named mutation(Random random) {
        Named file = Fuzz.oneOf(random, ORIGINALS);
        byte[] copy = file.content().clone();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        double keep = 0.3 + 0.7 * random.nextDouble();
        return new Named(file.name(), Arrays.copyOf(copy, Math.max(1, (int) (copy.length * keep))));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
