package dev.pigeonhole.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the data-set reader: random text, JSON Lines and CSV built from fragments that break them (quotes, braces,
 * nesting, huge numbers, unicode, duplicate or missing columns), and bytes flipped in valid (optionally gzipped)
 * files. It answers a data set or a {@link DatasetException} saying what is wrong, and nothing else.
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

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("dataset-fuzz");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 400)
    void fragmentSoupGivesADatasetOrADatasetException(@ForAll("names") String name, @ForAll("soup") String content) {
        readOrRefuse(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void randomBytesGiveADatasetOrADatasetException(@ForAll("names") String name, @ForAll("bytes") byte[] content) {
        readOrRefuse(name, content);
    }

    @Property(tries = 300)
    void mutatedValidFilesGiveADatasetOrADatasetException(@ForAll("mutations") Named file) {
        readOrRefuse(file.name(), file.content());
    }

    @Property(tries = 100)
    void csvHeadersOfAnyShapeGiveADatasetOrADatasetException(@ForAll("headers") String header) {
        readOrRefuse("data.csv", (header + "\nthe rocket,Science,x\nthe probe,Science,y\na goal,Sport,z\na win,Sport,w\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    record Named(String name, byte[] content) {
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

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("data.jsonl", "data.csv", "data.jsonl.gz", "data.csv.gz", "data.json", "data.txt");
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.of("text", "category", "", "text ", "\"text\"", "\"\"", "a", "label").list().ofMinSize(1)
                .ofMaxSize(5).map(columns -> String.join(",", columns));
    }

    @Provide
    Arbitrary<Named> mutations() {
        Arbitrary<Named> originals = Arbitraries.of(
                new Named("data.jsonl", VALID_JSONL.getBytes(StandardCharsets.UTF_8)),
                new Named("data.csv", VALID_CSV.getBytes(StandardCharsets.UTF_8)),
                new Named("data.jsonl.gz", gzip(VALID_JSONL)),
                new Named("data.csv.gz", gzip(VALID_CSV)));
        return Combinators.combine(originals, Arbitraries.integers().greaterOrEqual(0).list().ofMinSize(1).ofMaxSize(8),
                Arbitraries.bytes().list().ofSize(8), Arbitraries.doubles().between(0.3, 1.0)).as((file, positions, values, keep) -> {
                    byte[] copy = file.content().clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i) % copy.length] = values.get(i);
                    }
                    return new Named(file.name(), java.util.Arrays.copyOf(copy, Math.max(1, (int) (copy.length * keep))));
                });
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
