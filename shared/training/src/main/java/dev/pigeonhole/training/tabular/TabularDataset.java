package dev.pigeonhole.training.tabular;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labelled rows of numbers read from one source, with their feature names (in column order) and the provenance a
 * manifest records: the source name and the sha256 of its bytes. Labels are indexed in sorted order.
 */
public record TabularDataset(String source, String sha256, List<String> featureNames, List<LabeledRow> rows) {

    public TabularDataset {
        featureNames = List.copyOf(featureNames);
        rows = List.copyOf(rows);
        for (LabeledRow row : rows) {
            if (row.values().length != featureNames.size()) {
                throw new IllegalArgumentException("a row has " + row.values().length + " values for "
                        + featureNames.size() + " features");
            }
        }
    }

    public int size() {
        return rows.size();
    }

    /** Distinct labels in sorted order: the label index used everywhere else. */
    public List<String> labels() {
        return List.copyOf(labelCounts().keySet());
    }

    public Map<String, Long> labelCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (LabeledRow row : rows) {
            counts.merge(row.label(), 1L, Long::sum);
        }
        return counts;
    }

    /** The label index of every row, against {@code labels}. */
    public int[] labelIndices(List<String> labels) {
        int[] y = new int[rows.size()];
        for (int i = 0; i < y.length; i++) {
            int index = labels.indexOf(rows.get(i).label());
            if (index < 0) {
                throw new IllegalArgumentException("label '" + rows.get(i).label() + "' is not one of " + labels);
            }
            y[i] = index;
        }
        return y;
    }

    /** The rows' values, one array per row. */
    public double[][] matrix() {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i).values();
        }
        return x;
    }

    /** The values of feature {@code j} over every row. */
    public double[] column(int j) {
        double[] column = new double[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.get(i).value(j);
        }
        return column;
    }

    /** The rows at the given positions, as a new data set from the same source. */
    public TabularDataset subset(int[] positions) {
        List<LabeledRow> picked = new ArrayList<>(positions.length);
        for (int position : positions) {
            picked.add(rows.get(position));
        }
        return new TabularDataset(source, sha256, featureNames, picked);
    }

    /** The sha256 of the rows themselves, in order, so that two sets from different sources can be told equal or not. */
    public String contentSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabeledRow row : rows) {
                digest.update((row.label() + '\t' + java.util.Arrays.toString(row.values()) + '\0')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
