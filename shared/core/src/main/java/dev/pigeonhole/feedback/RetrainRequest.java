package dev.pigeonhole.feedback;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Objects;

/** One request to retrain, created when the feedback count reached {@code feedbackCount}, a multiple of k. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RetrainRequest(String id, long feedbackCount, String requestedAt) {

    public RetrainRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestedAt, "requested_at");
    }
}
