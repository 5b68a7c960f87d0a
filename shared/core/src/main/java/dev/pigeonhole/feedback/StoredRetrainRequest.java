package dev.pigeonhole.feedback;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * A retrain request as written: the request plus a token unique to the write, so that a store which resends a
 * create whose answer was lost can tell its own object from a rival's by content (see ArtifactStore). Read back as a
 * {@link RetrainRequest}, which ignores the token.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record StoredRetrainRequest(String id, long feedbackCount, String requestedAt, String writer) {
}
