package dev.pigeonhole.model.tabular;

import dev.pigeonhole.model.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A servable classifier of rows of numbers: its features (names, order, training ranges), a classifier and its labels. */
public final class TabularModel {

    private final List<FeatureSummary> features;
    private final List<String> names;
    private final TabularClassifier classifier;
    private final List<String> labels;

    public TabularModel(List<FeatureSummary> features, TabularClassifier classifier, List<String> labels) {
        if (features.size() != classifier.numFeatures()) {
            throw new IllegalArgumentException("classifier reads " + classifier.numFeatures() + " features, "
                    + features.size() + " are described");
        }
        if (labels.size() != classifier.numClasses()) {
            throw new IllegalArgumentException("classifier has " + classifier.numClasses() + " classes but "
                    + labels.size() + " labels were given");
        }
        this.features = List.copyOf(features);
        this.names = this.features.stream().map(FeatureSummary::name).toList();
        if (Set.copyOf(names).size() != names.size()) {
            throw new IllegalArgumentException("feature names must be distinct: " + names);
        }
        this.classifier = classifier;
        this.labels = List.copyOf(labels);
    }

    public List<FeatureSummary> features() {
        return features;
    }

    /** The feature names, in the order the model reads them. */
    public List<String> featureNames() {
        return names;
    }

    public TabularClassifier classifier() {
        return classifier;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * The row {@code values} names, in the model's feature order; {@link InvalidFeaturesException} naming every missing,
     * unknown, non-numeric or non-finite feature ({@code where} says which part of the request it was).
     */
    public double[] row(Map<String, ?> values, String where) {
        List<String> problems = new ArrayList<>();
        double[] x = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (!values.containsKey(name)) {
                problems.add("\"" + name + "\" is missing");
                continue;
            }
            Object value = values.get(name);
            if (!(value instanceof Number number)) {
                problems.add("\"" + name + "\" is " + describe(value) + ", not a number");
                continue;
            }
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                problems.add("\"" + name + "\" is " + number + ", not a finite number");
                continue;
            }
            x[j] = d;
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        names.forEach(unknown::remove);
        for (String name : unknown) {
            problems.add("\"" + name + "\" is not a feature of this model");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFeaturesException(where, problems, names);
        }
        return x;
    }

    /** Classifies row {@code x} (features in the model's order), naming the features outside their training range. */
    public TabularClassification classify(double[] x) {
        List<String> outside = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (features.get(j).outOfRange(x[j])) {
                outside.add(names.get(j));
            }
        }
        return new TabularClassification(new Classification(labels, classifier.probabilities(x), x.length), outside);
    }

    /** Row {@code x} by feature name, in the model's order. */
    public Map<String, Object> named(double[] x) {
        Map<String, Object> named = new java.util.LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            named.put(names.get(j), x[j]);
        }
        return named;
    }

    /** Row {@code x} spelt out as {@code name=value, ...}, in the model's order (a feedback record's text). */
    public String spell(double[] x) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            out.append(j == 0 ? "" : ", ").append(names.get(j)).append('=').append(x[j]);
        }
        return out.toString();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            String shown = text.length() > 20 ? text.subSequence(0, 20) + "…" : text.toString();
            return "the string \"" + shown.replace("\"", "'") + "\"";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
