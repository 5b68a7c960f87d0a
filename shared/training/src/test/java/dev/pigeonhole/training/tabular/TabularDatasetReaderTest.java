package dev.pigeonhole.training.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.data.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularDatasetReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryColumnButTheLabelAsANumberInColumnOrder() throws IOException {
        Path file = write("flowers.csv", "a,species,b\n1,x,2.5\n-3e1,y,.5\n4,x,0\n5,y,1\n");

        TabularDataset data = new TabularDatasetReader("species").read(file);

        assertEquals(List.of("a", "b"), data.featureNames());
        assertEquals(List.of("x", "y"), data.labels());
        assertEquals(new LabeledRow(new double[] {-30, 0.5}, "y"), data.rows().get(1));
    }

    @Test
    void aBadCellIsNamedByLineAndColumn() throws IOException {
        TabularDatasetReader reader = new TabularDatasetReader("species");
        Path empty = write("empty.csv", "a,b,species\n1,2,x\n3,,y\n");
        Path word = write("word.csv", "a,b,species\n1,2,x\nten,4,y\n");
        Path nan = write("nan.csv", "a,b,species\n1,NaN,x\n3,4,y\n");

        assertEquals(empty + " line 3, column 2 ('b'): empty cell; every feature needs a number",
                assertThrows(DatasetException.class, () -> reader.read(empty)).getMessage());
        assertEquals(word + " line 3, column 1 ('a'): \"ten\" is not a number (write integers or decimals such as 5.1 "
                + "or -2e-3)", assertThrows(DatasetException.class, () -> reader.read(word)).getMessage());
        assertTrue(assertThrows(DatasetException.class, () -> reader.read(nan)).getMessage()
                .startsWith(nan + " line 2, column 2 ('b'): \"NaN\" is not a number"));
    }

    @Test
    void jsonLinesToo() throws IOException {
        Path file = write("rows.jsonl", "{\"a\": 1, \"b\": 2, \"y\": \"p\"}\n{\"b\": 4, \"a\": 3, \"y\": \"q\"}\n"
                + "{\"a\": 5, \"b\": 6, \"y\": \"p\"}\n{\"a\": 7, \"b\": \"x\", \"y\": \"q\"}\n");

        assertEquals(file + " line 4, column 'b': \"x\" is not a number (write integers or decimals such as 5.1 or -2e-3)",
                assertThrows(DatasetException.class, () -> new TabularDatasetReader("y").read(file)).getMessage());
    }

    @Test
    void aFileWithoutTheTextFieldIsTabular() throws IOException {
        assertTrue(TabularDatasetReader.lacksField(write("n.csv", "a,species\n1,x\n"), "text"));
        assertFalse(TabularDatasetReader.lacksField(write("t.csv", "text,species\nhello,x\n"), "text"));
        assertFalse(TabularDatasetReader.lacksField(write("t.jsonl", "{\"text\": \"hi\", \"y\": \"x\"}\n"), "text"));
        assertTrue(TabularDatasetReader.lacksField(Path.of("../../data/iris/iris.csv"), "text"));
    }
}
