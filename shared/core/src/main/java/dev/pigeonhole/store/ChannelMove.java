package dev.pigeonhole.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Objects;

/** One move of a channel: the version it moved to, when (ISO-8601) and why. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChannelMove(String version, String movedAt, String reason) {

    public ChannelMove {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(movedAt, "moved_at");
        reason = reason == null ? "" : reason;
    }
}
