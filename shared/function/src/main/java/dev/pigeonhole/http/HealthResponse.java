package dev.pigeonhole.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Answer of {@code GET /health}: the served version, or why no model is loaded. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthResponse(String status, boolean modelLoaded, @Nullable String modelVersion, @Nullable String reason) {

    public static HealthResponse serving(String modelVersion) {
        return new HealthResponse("ok", true, modelVersion, null);
    }

    public static HealthResponse unavailable(String reason) {
        return new HealthResponse("error", false, null, reason);
    }
}
