package dev.pigeonhole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.identity.ChainedTokenCredential;
import java.util.Map;
import org.junit.jupiter.api.Test;

// No test here asks for a token: the managed identity endpoint is not on loopback.
class AzureBlobSettingsTest {

    private static final BucketLocation LOCATION = BucketLocation.parse("azblob://models/team", "azblob");
    private static final String ENDPOINT = "https://pigeonholestore.blob.core.windows.net";
    private static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    @Test
    void aConnectionStringWinsOverTheEndpoint() {
        AzureBlobSettings settings = AzureBlobSettings.fromEnvironment(Map.of(
                "AZURE_STORAGE_CONNECTION_STRING", CONNECTION_STRING, "PIGEONHOLE_AZURE_BLOB_ENDPOINT", ENDPOINT));

        assertEquals("AZURE_STORAGE_CONNECTION_STRING", settings.signIn(LOCATION));
        assertEquals("http://127.0.0.1:10000/devstoreaccount1",
                settings.clientBuilder(LOCATION).buildClient().getAccountUrl());
    }

    @Test
    void theEndpointAloneSignsInWithTheSystemAssignedManagedIdentity() {
        AzureBlobSettings settings = AzureBlobSettings.fromEnvironment(Map.of("PIGEONHOLE_AZURE_BLOB_ENDPOINT", ENDPOINT));

        assertEquals("the system-assigned managed identity (or the service principal in "
                + "AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET) at " + ENDPOINT, settings.signIn(LOCATION));
        assertEquals(ChainedTokenCredential.class, settings.credential().getClass());
        assertEquals(ENDPOINT, settings.clientBuilder(LOCATION).buildClient().getAccountUrl());
    }

    @Test
    void azureClientIdNamesTheUserAssignedManagedIdentity() {
        AzureBlobSettings settings = AzureBlobSettings.fromEnvironment(Map.of(
                "PIGEONHOLE_AZURE_BLOB_ENDPOINT", ENDPOINT, "AZURE_CLIENT_ID", "0b9f4c2e-1111-4222-8333-944455556666"));

        assertEquals("0b9f4c2e-1111-4222-8333-944455556666", settings.clientId());
        assertEquals("the managed identity with client id 0b9f4c2e-1111-4222-8333-944455556666 (or the service principal "
                + "in AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET) at " + ENDPOINT, settings.signIn(LOCATION));
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertEquals(new AzureBlobSettings(null, ENDPOINT, null), AzureBlobSettings.fromEnvironment(Map.of(
                "AZURE_STORAGE_CONNECTION_STRING", " ", "PIGEONHOLE_AZURE_BLOB_ENDPOINT", ENDPOINT, "AZURE_CLIENT_ID", "")));
    }

    @Test
    void withNeitherTheStartUpErrorSaysWhatToSet() {
        StoreException e = assertThrows(StoreException.class,
                () -> StoreLocation.open("azblob://models/team", Map.of("AZURE_CLIENT_ID", "some-id")));

        assertEquals("no Azure Storage credentials for azblob://models/team: set AZURE_STORAGE_CONNECTION_STRING, "
                + "or PIGEONHOLE_AZURE_BLOB_ENDPOINT (https://<account>.blob.core.windows.net) to sign in with the "
                + "managed identity (AZURE_CLIENT_ID names a user-assigned one)", e.getMessage());
    }

    @Test
    void anEndpointThatIsNotAnHttpsAccountUrlIsRefusedWithTheExpectedForm() {
        for (String endpoint : new String[] {"http://pigeonholestore.blob.core.windows.net", "pigeonholestore",
                "https://pigeonholestore.blob.core.windows.net/models", "https://"}) {
            AzureBlobSettings settings = new AzureBlobSettings(null, endpoint, null);

            StoreException e = assertThrows(StoreException.class, () -> settings.signIn(LOCATION), endpoint);
            assertEquals("PIGEONHOLE_AZURE_BLOB_ENDPOINT is '" + endpoint
                    + "': set the storage account's blob endpoint, https://<account>.blob.core.windows.net", e.getMessage());
        }
    }
}
