package dev.pigeonhole.store;

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
        Map<String, Double> metrics) {

    public ManifestDraft {
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = ImmutableCopies.sortedMap(parameters, "parameters");
        libraryVersions = ImmutableCopies.sortedMap(libraryVersions, "library_versions");
        labels = ImmutableCopies.list(labels);
        trainingData = ImmutableCopies.list(trainingData);
        metrics = ImmutableCopies.sortedMap(metrics, "metrics");
    }
}
