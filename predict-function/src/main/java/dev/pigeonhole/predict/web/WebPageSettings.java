package dev.pigeonhole.predict.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Answer of {@code GET /config.json}: what the web page needs to know before it calls the API, including the API key
 * it sends when the local/demo setting hands one out (otherwise absent).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebPageSettings(String feedbackUrl, long uploadMaxBytes, @Nullable String apiKey) {
}
