package dev.pigeonhole.store;

import java.util.Objects;

/** The content of one stored object and the etag to pass to {@link ArtifactStore#replaceIf}. */
public record StoredObject(byte[] data, String etag) {

    public StoredObject {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(etag, "etag");
    }
}
