package dev.pigeonhole.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetReaderTest {

    @TempDir
    Path dir;

    private final DatasetReader reader = new DatasetReader("text", "label");

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private String failure(Path file) {
        return assertThrows(DatasetException.class, () -> reader.read(file)).getMessage();
    }

    @Test
    void readsGzippedJsonLinesWithLabelsInSortedOrder() throws IOException {
        Path file = dir.resolve("d.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("{\"text\":\"good day\",\"label\":\"positive\",\"id\":1}\n"
                    + "{\"text\":\"bad day\",\"label\":\"negative\",\"extra\":{\"a\":[1]}}\n\n"
                    + "{\"text\":\"great\",\"label\":\"positive\"}\n"
                    + "{\"text\":\"awful\",\"label\":\"negative\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        Dataset data = reader.read(file);
        assertEquals(4, data.size());
        assertEquals(List.of("negative", "positive"), data.labels());
        assertEquals(Map.of("negative", 2L, "positive", 2L), data.labelCounts());
        assertEquals("d.jsonl.gz", data.source());
        assertEquals(DatasetReader.sha256(Files.readAllBytes(file)), data.sha256());
        assertEquals(new LabeledText("bad day", "negative"), data.examples().get(1));
    }

    @Test
    void readsCsvWithQuotedFieldsAndNamedColumns() throws IOException {
        Path file = write("d.csv", "id,label,text\n1,a,\"hello, world\"\n2,b,\"multi\nline\"\n3,a,x y\n4,b,z w\n");
        Dataset data = reader.read(file);
        assertEquals(4, data.size());
        assertEquals("multi\nline", data.examples().get(1).text());
    }

    @Test
    void missingFileIsNamed() {
        assertEquals("data file not found: " + dir.resolve("nope.jsonl"), failure(dir.resolve("nope.jsonl")));
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = write("e.jsonl", "");
        assertEquals("data file is empty: " + file, failure(file));
    }

    @Test
    void malformedLineIsReportedWithItsNumber() throws IOException {
        Path file = write("m.jsonl", "{\"text\":\"a b\",\"label\":\"x\"}\n{\"text\": oops}\n");
        assertEquals(file + " line 2: malformed JSON (Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
                failure(file));
    }

    @Test
    void unknownFieldNameListsTheFieldsThatExist() throws IOException {
        Path file = write("f.jsonl", "{\"body\":\"a b\",\"label\":\"x\"}\n");
        assertEquals(file + " line 1: no field 'text'; fields are [body, label] (choose them with --text-field and --label-field)",
                failure(file));
    }

    @Test
    void unknownCsvColumnListsTheColumns() throws IOException {
        Path file = write("f.csv", "body,label\na,b\n");
        assertEquals(file + ": no column 'text'; columns are [body, label]", failure(file));
    }

    @Test
    void labelWithOneExampleIsRefused() throws IOException {
        Path file = write("l.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"b\",\"label\":\"x\"}\n{\"text\":\"c\",\"label\":\"y\"}\n");
        assertEquals(file + ": label 'y' has 1 example; every label needs at least 2", failure(file));
    }

    @Test
    void blankTextIsReportedWithItsLine() throws IOException {
        Path file = write("b.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"  \",\"label\":\"x\"}\n");
        assertEquals(file + " line 2: field 'text' is empty", failure(file));
    }

    @Test
    void unsupportedExtensionSaysWhichAreAccepted() throws IOException {
        Path file = write("d.txt", "hello");
        assertEquals("unsupported data file " + file + ": expected .jsonl, .jsonl.gz, .csv or .csv.gz", failure(file));
    }

    // Found by DatasetReaderFuzzTest: Commons CSV threw IllegalArgumentException for these headers.
    @Test
    void csvHeaderWithAnEmptyColumnNameIsADatasetException() throws IOException {
        Path file = write("f.csv", "text,,label\na,x,b\n");
        assertEquals(file + " line 1: the CSV header must name every column once (A header name is missing in [text, , label])",
                failure(file));
    }

    @Test
    void csvHeaderOfOnlyBlanksIsADatasetException() throws IOException {
        Path file = write("f.csv", " \n");
        assertEquals(file + " line 1: the CSV header must name every column once (A header name is missing in [ ])",
                failure(file));
    }

    @Test
    void csvHeaderWithARepeatedEmptyColumnIsADatasetException() throws IOException {
        Path file = write("f.csv", ",\na,b\n");
        assertTrue(failure(file).startsWith(file + " line 1: the CSV header must name every column once ("));
    }

    // Found by DatasetReaderFuzzTest: a repeated column made CSVRecord.get throw IllegalArgumentException.
    @Test
    void csvHeaderWithARepeatedColumnNameIsADatasetException() throws IOException {
        Path file = write("f.csv", "text,text,text ,label\na,b,c\nd,e,f\n");
        assertTrue(failure(file).startsWith(file + " line 1: the CSV header must name every column once (The header "
                + "contains a duplicate name: \"text\""), failure(file));
    }
}
