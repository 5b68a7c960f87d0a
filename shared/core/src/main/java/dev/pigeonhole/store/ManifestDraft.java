package dev.pigeonhole.store;

import dev.pigeonhole.model.tabular.FeatureSummary;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a trainer knows about a version before publishing; {@link VersionPublisher} adds name, time and files. */
public record ManifestDraft(
        @Nullable String parent,
        String algorithm,
        Map<String, String> parameters,
        Map<String, String> libraryVersions,
        List<String> labels,
        List<DataSource> trainingData,
        Map<String, Double> metrics,
        @Nullable List<FeatureSummary> features) {

    public ManifestDraft {
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = ImmutableCopies.sortedMap(parameters, "parameters");
        libraryVersions = ImmutableCopies.sortedMap(libraryVersions, "library_versions");
        labels = ImmutableCopies.list(labels);
        trainingData = ImmutableCopies.list(trainingData);
        metrics = ImmutableCopies.sortedMap(metrics, "metrics");
        features = features == null ? null : List.copyOf(features);
    }

    /** The draft of a text model's version, which reads no named features. */
    public ManifestDraft(@Nullable String parent, String algorithm, Map<String, String> parameters,
                         Map<String, String> libraryVersions, List<String> labels, List<DataSource> trainingData,
                         Map<String, Double> metrics) {
        this(parent, algorithm, parameters, libraryVersions, labels, trainingData, metrics, null);
    }
}
