package dev.pigeonhole.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labelled texts read from one source, with the provenance a manifest records: the source name,
 * the sha256 of its bytes, and the label counts. Labels are indexed in sorted order.
 */
public record Dataset(String source, String sha256, List<LabeledText> examples) {

    public Dataset {
        examples = List.copyOf(examples);
    }

    public int size() {
        return examples.size();
    }

    public List<String> texts() {
        return examples.stream().map(LabeledText::text).toList();
    }

    /** Distinct labels in sorted order: the label index used everywhere else. */
    public List<String> labels() {
        return List.copyOf(labelCounts().keySet());
    }

    public Map<String, Long> labelCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (LabeledText example : examples) {
            counts.merge(example.label(), 1L, Long::sum);
        }
        return counts;
    }

    /** The label index of every example, against {@code labels}. */
    public int[] labelIndices(List<String> labels) {
        int[] y = new int[examples.size()];
        for (int i = 0; i < y.length; i++) {
            int index = labels.indexOf(examples.get(i).label());
            if (index < 0) {
                throw new IllegalArgumentException("label '" + examples.get(i).label() + "' is not one of " + labels);
            }
            y[i] = index;
        }
        return y;
    }

    /**
     * The sha256 of the examples themselves, in order (each label, a tab, the text, a NUL), so that two data sets
     * built from different sources (an evaluation set, say) can be told equal or not.
     */
    public String contentSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabeledText example : examples) {
                digest.update((example.label() + '\t' + example.text() + '\0').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The examples at the given positions, as a new data set from the same source. */
    public Dataset subset(int[] positions) {
        List<LabeledText> picked = new ArrayList<>(positions.length);
        for (int position : positions) {
            picked.add(examples.get(position));
        }
        return new Dataset(source, sha256, picked);
    }
}
