package dev.pigeonhole.store;

import java.util.List;
import java.util.Optional;

/** Objects under '/'-separated keys, with create-if-absent and compare-and-swap, on any backend. */
public interface ArtifactStore {

    /** The object at {@code key} with its etag, or empty when there is none. */
    Optional<StoredObject> get(String key);

    /** Writes {@code data} at {@code key}, replacing any object there; readers see the old or the new object, never a part. */
    void put(String key, byte[] data);

    /**
     * Creates the object only if {@code key} is free; true if this call created it, false if an object already existed.
     * A remote store may resend a write whose answer was lost; it then counts an existing object holding exactly
     * {@code data} as its own, so writers that must tell their writes apart write distinct bytes (an id, a token).
     */
    boolean putIfAbsent(String key, byte[] data);

    /**
     * Replaces the object only if its current etag is {@code expectedEtag}; false if it differs or the object is
     * missing. The same note on resent writes as for {@link #putIfAbsent} applies.
     */
    boolean replaceIf(String key, byte[] data, String expectedEtag);

    /** Every key that starts with {@code prefix} (may be empty), sorted. */
    List<String> list(String prefix);

    /** Where this store lives, for messages, for example {@code file:/srv/pigeonhole/store}. */
    String describe();
}
