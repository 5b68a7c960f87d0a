package dev.pigeonhole.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;
import java.util.Objects;

/** One data set a version was trained on: its name, content hash, record count and records per label. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DataSource(String name, String sha256, long records, Map<String, Long> labelCounts) {

    public DataSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        labelCounts = ImmutableCopies.sortedMap(labelCounts, "label_counts");
    }
}
