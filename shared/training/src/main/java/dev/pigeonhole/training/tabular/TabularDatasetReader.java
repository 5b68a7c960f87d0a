package dev.pigeonhole.training.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.pigeonhole.data.DatasetException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads labelled rows of numbers from CSV or JSON Lines (either optionally gzipped): the label from the field the
 * caller names, every other field a numeric feature. Each bad cell is reported with its line and column, so nothing
 * is trained (and nothing published) from a file with one.
 */
public final class TabularDatasetReader {

    // Decimal numbers as people write them: no NaN, Infinity or hexadecimal, which Double.parseDouble also takes.
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final JsonFactory JSON = new JsonFactory();

    private final String labelField;

    public TabularDatasetReader(String labelField) {
        this.labelField = labelField;
    }

    /** True when {@code file} (CSV or JSON Lines) has no field named {@code textField}: it holds rows of numbers. */
    public static boolean lacksField(Path file, String textField) {
        byte[] bytes = bytes(file);
        String base = baseName(file);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(bytes, file), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            while (first != null && first.isBlank() && !base.endsWith(".csv")) {
                first = reader.readLine();
            }
            if (first == null) {
                return false;
            }
            if (base.endsWith(".csv")) {
                try (CSVParser header = CSVParser.parse(first, CSVFormat.RFC4180)) {
                    return header.getRecords().stream().flatMap(r -> r.toList().stream())
                            .noneMatch(name -> name.strip().equals(textField));
                }
            }
            try (JsonParser parser = JSON.createParser(first)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    if (parser.currentName().equals(textField)) {
                        return false;
                    }
                    parser.nextToken();
                    parser.skipChildren();
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads {@code file}; the format follows the name: {@code .csv} or {@code .jsonl}, each with optional {@code .gz}. */
    public TabularDataset read(Path file) {
        byte[] bytes = bytes(file);
        String base = baseName(file);
        Parsed parsed;
        try (Reader reader = new InputStreamReader(open(bytes, file), StandardCharsets.UTF_8)) {
            if (base.endsWith(".csv")) {
                parsed = readCsv(reader, file);
            } else if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
                parsed = readJsonLines(new BufferedReader(reader), file);
            } else {
                throw new DatasetException("unsupported data file " + file + ": expected .csv, .csv.gz, .jsonl or .jsonl.gz");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
        if (parsed.rows().isEmpty()) {
            throw new DatasetException("data file has no rows: " + file);
        }
        TabularDataset dataset = new TabularDataset(file.getFileName().toString(), sha256(bytes), parsed.features(),
                parsed.rows());
        requireTrainable(dataset, file);
        return dataset;
    }

    private record Parsed(List<String> features, List<LabeledRow> rows) {
    }

    private Parsed readCsv(Reader reader, Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setIgnoreSurroundingSpaces(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, format);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file + " line 1: the CSV header must name every column once (" + e.getMessage() + ")");
        }
        try (parser) {
            List<String> header = parser.getHeaderNames();
            int labelColumn = header.indexOf(labelField);
            if (labelColumn < 0) {
                throw new DatasetException(file + ": no column '" + labelField + "'; columns are " + header
                        + " (choose the label with --label-field)");
            }
            List<String> features = new ArrayList<>(header);
            features.remove(labelColumn);
            requireFeatures(features, file);
            List<LabeledRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (!record.isConsistent()) {
                    throw new DatasetException(file + " line " + line + ": expected " + header.size() + " columns, found "
                            + record.size());
                }
                double[] values = new double[features.size()];
                int j = 0;
                for (int column = 0; column < header.size(); column++) {
                    if (column != labelColumn) {
                        values[j++] = number(record.get(column), file, line, column, header.get(column));
                    }
                }
                rows.add(new LabeledRow(values, label(record.get(labelColumn), file, line, labelColumn)));
            }
            return new Parsed(features, rows);
        } catch (UncheckedIOException e) {
            throw new DatasetException(file + ": malformed CSV (" + e.getCause().getMessage() + ")");
        }
    }

    private Parsed readJsonLines(BufferedReader reader, Path file) throws IOException {
        List<String> features = null;
        List<LabeledRow> rows = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            try (JsonParser parser = JSON.createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new DatasetException(file + " line " + line + ": expected a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    fields.put(field, value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getValueAsString() : "");
                    parser.skipChildren();
                }
            } catch (JsonProcessingException e) {
                throw new DatasetException(file + " line " + line + ": malformed JSON (" + e.getOriginalMessage() + ")");
            }
            if (!fields.containsKey(labelField)) {
                throw new DatasetException(file + " line " + line + ": no field '" + labelField + "'; fields are "
                        + new TreeSet<>(fields.keySet()) + " (choose the label with --label-field)");
            }
            List<String> names = new ArrayList<>(fields.keySet());
            names.remove(labelField);
            if (features == null) {
                features = names;
                requireFeatures(features, file);
            } else if (!new TreeSet<>(features).equals(new TreeSet<>(names))) {
                throw new DatasetException(file + " line " + line + ": fields " + new TreeSet<>(names)
                        + " differ from the first row's " + new TreeSet<>(features));
            }
            double[] values = new double[features.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = number(fields.get(features.get(j)), file, line, -1, features.get(j));
            }
            rows.add(new LabeledRow(values, label(fields.get(labelField), file, line, -1)));
        }
        return new Parsed(features == null ? List.of() : features, rows);
    }

    private static double number(String cell, Path file, int line, int column, String name) {
        String where = file + " line " + line + ", column " + (column >= 0 ? (column + 1) + " ('" + name + "')"
                : "'" + name + "'");
        String value = cell == null ? "" : cell.strip();
        if (value.isEmpty()) {
            throw new DatasetException(where + ": empty cell; every feature needs a number");
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new DatasetException(where + ": \"" + abbreviate(value) + "\" is not a number (write integers or "
                    + "decimals such as 5.1 or -2e-3)");
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new DatasetException(where + ": " + abbreviate(value) + " is too large for a finite number");
        }
        return d;
    }

    private String label(String cell, Path file, int line, int column) {
        if (cell == null || cell.isBlank()) {
            throw new DatasetException(file + " line " + line + ", column " + (column >= 0 ? (column + 1) + " " : "")
                    + "('" + labelField + "'): the label is empty");
        }
        return cell.strip();
    }

    private void requireFeatures(List<String> features, Path file) {
        if (features.isEmpty()) {
            throw new DatasetException(file + ": no feature columns besides the label '" + labelField + "'");
        }
        for (String name : features) {
            if (name.isBlank()) {
                throw new DatasetException(file + ": a feature column has no name");
            }
        }
    }

    private static void requireTrainable(TabularDataset dataset, Path file) {
        Map<String, Long> counts = dataset.labelCounts();
        if (counts.size() < 2) {
            throw new DatasetException(file + ": needs at least 2 labels to train a classifier, found " + counts.keySet());
        }
        counts.forEach((label, count) -> {
            if (count < 2) {
                throw new DatasetException(file + ": label '" + label + "' has " + count
                        + " row; every label needs at least 2");
            }
        });
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static byte[] bytes(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new DatasetException("data file is empty: " + file);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new DatasetException("data file not found: " + file);
        } catch (IOException e) {
            throw new DatasetException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private static InputStream open(byte[] bytes, Path file) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
