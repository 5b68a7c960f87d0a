package dev.pigeonhole.store;

import java.util.Map;

/** Opens {@code azblob://container/prefix} stores for {@link StoreLocation} (registered in META-INF/services). */
public final class AzureBlobStoreProvider implements CloudStoreProvider {

    @Override
    public String scheme() {
        return "azblob";
    }

    @Override
    public ArtifactStore open(BucketLocation location, Map<String, String> environment) {
        return AzureBlobArtifactStore.open(location, AzureBlobSettings.fromEnvironment(environment));
    }
}
