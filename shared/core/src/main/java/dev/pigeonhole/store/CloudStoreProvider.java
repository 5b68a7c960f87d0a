package dev.pigeonhole.store;

import java.util.Map;

/**
 * Opens the cloud store of one URL scheme ({@code s3}, {@code azblob}). Each cloud store module registers one in
 * {@code META-INF/services}, so {@link StoreLocation} finds a cloud by its scheme and a package carries only the
 * clouds it runs on.
 */
public interface CloudStoreProvider {

    /** The scheme this provider opens, without "://": {@code s3} for {@code s3://bucket/prefix}. */
    String scheme();

    /**
     * Opens the store at {@code location}, taking its settings (endpoint, credentials) from {@code environment};
     * checks that the bucket or container exists, StoreException naming it if not.
     */
    ArtifactStore open(BucketLocation location, Map<String, String> environment);
}
