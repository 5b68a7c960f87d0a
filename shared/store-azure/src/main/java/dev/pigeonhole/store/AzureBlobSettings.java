package dev.pigeonhole.store;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ChainedTokenCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How a process reaches Azure Blob Storage, from its environment: {@code AZURE_STORAGE_CONNECTION_STRING} when set,
 * else the account endpoint {@code PIGEONHOLE_AZURE_BLOB_ENDPOINT} signed in to with the environment's service principal
 * ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}) or the managed identity (the
 * user-assigned one {@code AZURE_CLIENT_ID} names, else the system-assigned one).
 */
public record AzureBlobSettings(String connectionString, String endpoint, String clientId) {

    public static final String CONNECTION_STRING_VARIABLE = "AZURE_STORAGE_CONNECTION_STRING";
    public static final String ENDPOINT_VARIABLE = "PIGEONHOLE_AZURE_BLOB_ENDPOINT";
    public static final String CLIENT_ID_VARIABLE = "AZURE_CLIENT_ID";

    public static AzureBlobSettings fromEnvironment(Map<String, String> environment) {
        return new AzureBlobSettings(nonBlank(environment.get(CONNECTION_STRING_VARIABLE)),
                nonBlank(environment.get(ENDPOINT_VARIABLE)), nonBlank(environment.get(CLIENT_ID_VARIABLE)));
    }

    /** How the store signs in, said in logs and errors; StoreException saying what to set when it cannot. */
    public String signIn(BucketLocation location) {
        if (connectionString != null) {
            return CONNECTION_STRING_VARIABLE;
        }
        if (endpoint == null) {
            throw new StoreException("no Azure Storage credentials for " + location.describe() + ": set "
                    + CONNECTION_STRING_VARIABLE + ", or " + ENDPOINT_VARIABLE
                    + " (https://<account>.blob.core.windows.net) to sign in with the managed identity ("
                    + CLIENT_ID_VARIABLE + " names a user-assigned one)");
        }
        URI uri = endpointUri();
        return (clientId == null ? "the system-assigned managed identity" : "the managed identity with client id " + clientId)
                + " (or the service principal in AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET) at " + uri;
    }

    /** A client builder for the account, with the credentials {@link #signIn} names. */
    BlobServiceClientBuilder clientBuilder(BucketLocation location) {
        signIn(location);
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder();
        if (connectionString != null) {
            try {
                return builder.connectionString(connectionString);
            } catch (IllegalArgumentException e) {
                throw new StoreException(CONNECTION_STRING_VARIABLE + " is not a valid storage connection string: "
                        + e.getMessage(), e);
            }
        }
        return builder.endpoint(endpointUri().toString()).credential(credential());
    }

    /** The service principal of the environment if one is configured, else the managed identity. */
    TokenCredential credential() {
        ManagedIdentityCredentialBuilder managedIdentity = new ManagedIdentityCredentialBuilder();
        if (clientId != null) {
            managedIdentity.clientId(clientId);
        }
        return new ChainedTokenCredentialBuilder()
                .addLast(new EnvironmentCredentialBuilder().build())
                .addLast(managedIdentity.build())
                .build();
    }

    private URI endpointUri() {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        // Bearer tokens only travel over HTTPS; the SDK refuses them otherwise, with a less helpful message.
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null
                || Optional.ofNullable(uri.getPath()).filter(p -> !p.isEmpty() && !p.equals("/")).isPresent()) {
            throw new StoreException(ENDPOINT_VARIABLE + " is '" + endpoint
                    + "': set the storage account's blob endpoint, https://<account>.blob.core.windows.net");
        }
        return uri;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
