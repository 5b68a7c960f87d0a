package dev.pigeonhole.store;

import dev.pigeonhole.model.tabular.FeatureSummary;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest.json of a model version: what it is, how it was made, and every file with its hash and size; for a
 * tabular model also its features, in the order it reads them, with their training ranges and distributions.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(
        int formatVersion,
        String version,
        String createdAt,
        @Nullable String parent,
        String algorithm,
        Map<String, String> parameters,
        Map<String, String> libraryVersions,
        List<String> labels,
        List<DataSource> trainingData,
        Map<String, Double> metrics,
        List<FileEntry> files,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<FeatureSummary> features) {

    /** The manifest format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The name of the manifest object inside a version's folder. */
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = ImmutableCopies.sortedMap(parameters, "parameters");
        libraryVersions = ImmutableCopies.sortedMap(libraryVersions, "library_versions");
        labels = ImmutableCopies.list(labels);
        trainingData = ImmutableCopies.list(trainingData);
        metrics = ImmutableCopies.sortedMap(metrics, "metrics");
        files = ImmutableCopies.list(files);
        features = features == null ? null : List.copyOf(features);
    }

    /** The manifest of a text model, which reads no named features. */
    public Manifest(int formatVersion, String version, String createdAt, @Nullable String parent, String algorithm,
                    Map<String, String> parameters, Map<String, String> libraryVersions, List<String> labels,
                    List<DataSource> trainingData, Map<String, Double> metrics, List<FileEntry> files) {
        this(formatVersion, version, createdAt, parent, algorithm, parameters, libraryVersions, labels, trainingData,
                metrics, files, null);
    }

    /** The entry for file {@code name}, if this version has it. */
    public Optional<FileEntry> file(String name) {
        return files.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }
}
