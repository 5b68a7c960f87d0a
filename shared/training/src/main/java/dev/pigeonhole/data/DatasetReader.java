package dev.pigeonhole.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads a labelled data set from JSON Lines or CSV (either optionally gzip-compressed), taking the
 * text and the label from fields named by the caller. Every problem is reported with its line.
 */
public final class DatasetReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final String textField;
    private final String labelField;

    public DatasetReader(String textField, String labelField) {
        this.textField = textField;
        this.labelField = labelField;
    }

    /** Reads {@code file}; the format follows the name: {@code .jsonl}, {@code .csv}, each with optional {@code .gz}. */
    public Dataset read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("data file not found: " + file);
        } catch (IOException e) {
            throw new DatasetException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new DatasetException("data file is empty: " + file);
        }
        String name = file.getFileName().toString().toLowerCase();
        boolean gzip = name.endsWith(".gz");
        String base = gzip ? name.substring(0, name.length() - 3) : name;
        List<LabeledText> examples;
        try (Reader reader = new InputStreamReader(open(bytes, gzip), StandardCharsets.UTF_8)) {
            if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
                examples = readJsonLines(new BufferedReader(reader), file);
            } else if (base.endsWith(".csv")) {
                examples = readCsv(reader, file);
            } else {
                throw new DatasetException("unsupported data file " + file
                        + ": expected .jsonl, .jsonl.gz, .csv or .csv.gz");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
        if (examples.isEmpty()) {
            throw new DatasetException("data file has no examples: " + file);
        }
        Dataset dataset = new Dataset(file.getFileName().toString(), sha256(bytes), examples);
        requireTrainableLabels(dataset, file);
        return dataset;
    }

    private static InputStream open(byte[] bytes, boolean gzip) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private List<LabeledText> readJsonLines(BufferedReader reader, Path file) throws IOException {
        List<LabeledText> examples = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            examples.add(parseJsonLine(line, file, lineNumber));
        }
        return examples;
    }

    private LabeledText parseJsonLine(String line, Path file, int lineNumber) throws IOException {
        String text = null;
        String label = null;
        TreeSet<String> fields = new TreeSet<>();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DatasetException(file + " line " + lineNumber + ": expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                fields.add(field);
                JsonToken value = parser.nextToken();
                if (field.equals(textField) || field.equals(labelField)) {
                    String scalar = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getValueAsString() : null;
                    if (field.equals(textField)) {
                        text = scalar;
                    } else {
                        label = scalar;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new DatasetException(file + " line " + lineNumber + ": malformed JSON (" + e.getOriginalMessage() + ")");
        }
        return example(text, label, fields, file, lineNumber);
    }

    private List<LabeledText> readCsv(Reader reader, Path file) throws IOException {
        // A repeated column name would leave the header map shorter than the header, and a record "consistent" with
        // the map but too short for the last column's index.
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        List<LabeledText> examples = new ArrayList<>();
        try (CSVParser parser = parseWithHeader(reader, format, file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String field : List.of(textField, labelField)) {
                if (!header.containsKey(field)) {
                    throw new DatasetException(file + ": no column '" + field + "'; columns are " + new TreeSet<>(header.keySet()));
                }
            }
            for (CSVRecord record : parser) {
                int lineNumber = (int) record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    throw new DatasetException(file + " line " + lineNumber + ": expected " + header.size()
                            + " columns, found " + record.size());
                }
                examples.add(example(record.get(textField), record.get(labelField), header.keySet(), file, lineNumber));
            }
        } catch (UncheckedIOException e) {
            throw new DatasetException(file + ": malformed CSV (" + e.getCause().getMessage() + ")");
        }
        return examples;
    }

    // Commons CSV refuses a header with an empty or repeated column name with IllegalArgumentException.
    private static CSVParser parseWithHeader(Reader reader, CSVFormat format, Path file) throws IOException {
        try {
            return CSVParser.parse(reader, format);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file + " line 1: the CSV header must name every column once (" + e.getMessage() + ")");
        }
    }

    private LabeledText example(String text, String label, java.util.Set<String> fields, Path file, int lineNumber) {
        if (!fields.contains(textField) || !fields.contains(labelField)) {
            String missing = !fields.contains(textField) ? textField : labelField;
            throw new DatasetException(file + " line " + lineNumber + ": no field '" + missing
                    + "'; fields are " + new TreeSet<>(fields) + " (choose them with --text-field and --label-field)");
        }
        if (text == null || text.isBlank()) {
            throw new DatasetException(file + " line " + lineNumber + ": field '" + textField + "' is empty");
        }
        if (label == null || label.isBlank()) {
            throw new DatasetException(file + " line " + lineNumber + ": field '" + labelField + "' is empty");
        }
        return new LabeledText(text, label.strip());
    }

    private static void requireTrainableLabels(Dataset dataset, Path file) {
        Map<String, Long> counts = dataset.labelCounts();
        if (counts.size() < 2) {
            throw new DatasetException(file + ": needs at least 2 labels to train a classifier, found " + counts.keySet());
        }
        counts.forEach((label, count) -> {
            if (count < 2) {
                throw new DatasetException(file + ": label '" + label + "' has " + count
                        + " example; every label needs at least 2");
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
