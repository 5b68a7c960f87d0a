package dev.pigeonhole.store;

import java.util.Objects;

/** A channel pointer as read, with the etag that changes whenever the channel moves. */
public record ChannelRevision(ChannelPointer pointer, String etag) {

    public ChannelRevision {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(etag, "etag");
    }
}
