package dev.pigeonhole.store;

/** A local storage server for the store contract: fresh stores in new buckets, a missing bucket, and the process itself. */
public interface StorageServer {

    /** A store in a new, empty bucket (or container), under a prefix. */
    ArtifactStore newStore();

    /** Opens a store in a bucket that does not exist; expected to fail. */
    ArtifactStore openMissing(String bucket);

    /** The server's process, to stop and restart it. */
    ServerProcess process();
}
