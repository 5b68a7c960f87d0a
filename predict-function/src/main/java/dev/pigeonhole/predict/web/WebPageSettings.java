package dev.pigeonhole.predict.web;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Answer of {@code GET /config.json}: what the web page needs to know before it calls the API. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WebPageSettings(String feedbackUrl, long uploadMaxBytes) {
}
