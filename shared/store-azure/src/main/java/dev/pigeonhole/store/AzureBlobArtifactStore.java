package dev.pigeonhole.store;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An {@link ArtifactStore} in an Azure Blob Storage container under a key prefix; etags are the blobs' ETags. */
public final class AzureBlobArtifactStore implements ArtifactStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlobContainerClient container;
    // Conditional writes are never retried: if a create-if-absent reached the service but its answer was lost, a retry
    // would get 409 and report "someone else created it" for our own blob. Failing is honest instead.
    private final BlobContainerClient conditionalContainer;
    private final BucketLocation location;

    private AzureBlobArtifactStore(BlobContainerClient container, BlobContainerClient conditionalContainer,
                                   BucketLocation location) {
        this.container = container;
        this.conditionalContainer = conditionalContainer;
        this.location = location;
    }

    /**
     * Connects to the container {@code location} names, signed in as {@code settings} says (connection string or
     * managed identity); StoreException saying what to set when there are no credentials, naming the container if missing.
     */
    public static AzureBlobArtifactStore open(BucketLocation location, AzureBlobSettings settings) {
        Objects.requireNonNull(location, "location");
        HttpClient http = new JdkHttpClientBuilder().build();
        BlobContainerClient container = client(settings, http, 3, location);
        BlobContainerClient conditional = client(settings, http, 1, location);
        AzureBlobArtifactStore store = new AzureBlobArtifactStore(container, conditional, location);
        store.requireContainer();
        return store;
    }

    /** As {@link #open(BucketLocation, AzureBlobSettings)} with a storage connection string. */
    public static AzureBlobArtifactStore open(BucketLocation location, String connectionString) {
        return open(location, new AzureBlobSettings(connectionString == null || connectionString.isBlank()
                ? null : connectionString, null, null));
    }

    private static BlobContainerClient client(AzureBlobSettings settings, HttpClient http, int maxTries,
                                              BucketLocation location) {
        return settings.clientBuilder(location)
                .httpClient(http)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, maxTries, TIMEOUT,
                        Duration.ofMillis(200), Duration.ofSeconds(2), null))
                .buildClient()
                .getBlobContainerClient(location.bucket());
    }

    private void requireContainer() {
        boolean exists;
        try {
            exists = container.existsWithResponse(TIMEOUT, Context.NONE).getValue();
        } catch (RuntimeException e) {
            throw failure("open", "", e);
        }
        if (!exists) {
            throw missingContainer(null);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        String name = location.objectName(StoreKeys.requireValidKey(key));
        try {
            BlobDownloadContentResponse response = container.getBlobClient(name)
                    .downloadContentWithResponse(null, null, TIMEOUT, Context.NONE);
            return Optional.of(new StoredObject(response.getValue().toBytes(),
                    response.getDeserializedHeaders().getETag()));
        } catch (BlobStorageException e) {
            if (BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (RuntimeException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        Objects.requireNonNull(data, "data");
        String name = location.objectName(StoreKeys.requireValidKey(key));
        try {
            upload(container, name, data, null);
        } catch (RuntimeException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        Objects.requireNonNull(data, "data");
        String name = location.objectName(StoreKeys.requireValidKey(key));
        return conditionalUpload(key, name, data, new BlobRequestConditions().setIfNoneMatch("*"), "create");
    }

    @Override
    public boolean replaceIf(String key, byte[] data, String expectedEtag) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        String name = location.objectName(StoreKeys.requireValidKey(key));
        return conditionalUpload(key, name, data, new BlobRequestConditions().setIfMatch(expectedEtag), "replace");
    }

    @Override
    public List<String> list(String prefix) {
        StoreKeys.requireValidPrefix(prefix);
        List<String> names = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(location.objectName(prefix)),
                    TIMEOUT)) {
                names.add(item.getName());
            }
        } catch (RuntimeException e) {
            throw failure("list", prefix, e);
        }
        return location.keysOf(names);
    }

    @Override
    public String describe() {
        return location.describe();
    }

    @Override
    public String toString() {
        return describe();
    }

    private boolean conditionalUpload(String key, String name, byte[] data, BlobRequestConditions conditions,
                                      String action) {
        try {
            upload(conditionalContainer, name, data, conditions);
            return true;
        } catch (BlobStorageException e) {
            BlobErrorCode code = e.getErrorCode();
            if (e.getStatusCode() == 412 || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(code)
                    || BlobErrorCode.BLOB_NOT_FOUND.equals(code)) {
                return false;
            }
            throw failure(action, key, e);
        } catch (RuntimeException e) {
            throw failure(action, key, e);
        }
    }

    private static void upload(BlobContainerClient client, String name, byte[] data, BlobRequestConditions conditions) {
        client.getBlobClient(name).getBlockBlobClient().uploadWithResponse(
                new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(data)).setRequestConditions(conditions),
                TIMEOUT, Context.NONE);
    }

    private StoreException missingContainer(Exception cause) {
        return new StoreException("Azure Blob container '" + location.bucket() + "' does not exist in storage account '"
                + container.getAccountName() + "' (PIGEONHOLE_STORE=" + describe()
                + "); the container is created by the infrastructure, not by Pigeonhole", cause);
    }

    private StoreException failure(String action, String key, RuntimeException e) {
        if (e instanceof BlobStorageException blob && BlobErrorCode.CONTAINER_NOT_FOUND.equals(blob.getErrorCode())) {
            return missingContainer(e);
        }
        return StoreException.cannot(action, key, describe() + " at " + container.getBlobContainerUrl(), firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
