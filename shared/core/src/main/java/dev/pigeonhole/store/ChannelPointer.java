package dev.pigeonhole.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Objects;

/** The content of channels/&lt;channel&gt;.json: the version a channel serves and its recent moves, newest last. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChannelPointer(String channel, String version, String updatedAt, List<ChannelMove> history) {

    public ChannelPointer {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updatedAt, "updated_at");
        history = ImmutableCopies.list(history);
    }
}
