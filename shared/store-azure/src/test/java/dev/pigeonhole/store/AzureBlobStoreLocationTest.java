package dev.pigeonhole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StoreLocation} finds the Azure Blob store through its provider. */
class AzureBlobStoreLocationTest {

    @Test
    void azblobSpecOpensTheContainerAndKeepsEveryKeyUnderItsPrefix() {
        AzuriteServer azurite = AzuriteServer.shared();
        String container = azurite.newStore().describe().split("/")[2];
        Map<String, String> environment = Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());

        ArtifactStore store = StoreLocation.open("azblob://" + container + "/team/a/", environment);
        store.put("models/v1/manifest.json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("azblob://" + container + "/team/a", store.describe());
        assertEquals(java.util.List.of("a/models/v1/manifest.json"),
                StoreLocation.open("azblob://" + container + "/team", environment).list(""));
    }

    @Test
    void azblobSpecWithoutCredentialsNamesTheVariableToSet() {
        StoreException e = assertThrows(StoreException.class,
                () -> StoreLocation.open("azblob://container/prefix", Map.of()));

        assertTrue(e.getMessage().contains("AZURE_STORAGE_CONNECTION_STRING"), e.getMessage());
    }
}
