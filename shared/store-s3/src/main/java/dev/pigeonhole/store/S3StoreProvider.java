package dev.pigeonhole.store;

import java.util.Map;

/** Opens {@code s3://bucket/prefix} stores for {@link StoreLocation} (registered in META-INF/services). */
public final class S3StoreProvider implements CloudStoreProvider {

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public ArtifactStore open(BucketLocation location, Map<String, String> environment) {
        return S3ArtifactStore.open(location, S3Settings.fromEnvironment(environment));
    }
}
