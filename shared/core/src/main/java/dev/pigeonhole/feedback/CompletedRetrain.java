package dev.pigeonhole.feedback;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The marker saying a retrain request was served, and by which published version. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CompletedRetrain(String id, String version, String doneAt) {
}
