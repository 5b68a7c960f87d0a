package dev.pigeonhole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLocationTest {

    @TempDir
    Path dir;

    private static Path rootOf(ArtifactStore store) {
        return assertInstanceOf(LocalArtifactStore.class, store).root();
    }

    @Test
    void fileSpecWithRelativePathResolvesAgainstTheWorkingDirectory() {
        Path expected = Path.of("").toAbsolutePath().resolve(".pigeonhole/store").normalize();

        assertEquals(expected, rootOf(StoreLocation.open("file:.pigeonhole/store")));
        assertEquals("file:" + expected, StoreLocation.open("file:.pigeonhole/store").describe());
    }

    @Test
    void fileSpecBareAndFileUriPathsOpenTheSameDirectory() {
        Path absolute = dir.toAbsolutePath();

        assertEquals(absolute, rootOf(StoreLocation.open("file:" + absolute)));
        assertEquals(absolute, rootOf(StoreLocation.open(absolute.toString())));
        assertEquals(absolute, rootOf(StoreLocation.open("file://" + absolute)));
    }

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

    @Test
    void s3SpecReachesTheEndpointOverrideAndNamesAMissingBucket() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String endpoint = s3.settings().endpoint().orElseThrow().toString();
        // The default credentials chain reads these system properties; nothing here leaves 127.0.0.1.
        System.setProperty("aws.accessKeyId", "pigeonhole-test");
        System.setProperty("aws.secretAccessKey", "pigeonhole-test-secret");
        try {
            StoreException e = assertThrows(StoreException.class,
                    () -> StoreLocation.open("s3://absent-bucket/p", Map.of("AWS_ENDPOINT_URL_S3", endpoint)));

            assertTrue(e.getMessage().contains("S3 bucket 'absent-bucket' does not exist at " + endpoint), e.getMessage());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void bucketLocationsSplitBucketAndPrefix() {
        assertEquals(new BucketLocation("s3", "b", ""), BucketLocation.parse("s3://b", "s3"));
        assertEquals(new BucketLocation("s3", "b", "p/q"), BucketLocation.parse("s3://b/p/q/", "s3"));
        assertEquals("p/q/models/x", BucketLocation.parse("s3://b/p/q", "s3").objectName("models/x"));
        assertThrows(IllegalArgumentException.class, () -> BucketLocation.parse("s3:///p", "s3"));
        assertThrows(IllegalArgumentException.class, () -> BucketLocation.parse("azblob://c/../x", "azblob"));
    }

    @Test
    void blankOrUnknownSpecsAreRejectedWithTheAcceptedForms() {
        for (String spec : new String[] {"", "   ", "ftp://host/dir", "gs://bucket", "file:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreLocation.open(spec),
                    "spec '" + spec + "'");
            assertTrue(e.getMessage().contains("file:<dir>") && e.getMessage().contains("s3://bucket/prefix")
                    && e.getMessage().contains("azblob://container/prefix"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> StoreLocation.open(null));
    }

    @Test
    void environmentDefaultsToTheLocalStoreWhenUnsetOrBlank() {
        assertEquals("file:.pigeonhole/store", StoreLocation.fromEnvironment(Map.of()));
        assertEquals("file:.pigeonhole/store", StoreLocation.fromEnvironment(Map.of("PIGEONHOLE_STORE", "  ")));
        assertEquals("s3://b/p", StoreLocation.fromEnvironment(Map.of("PIGEONHOLE_STORE", "s3://b/p")));
    }
}
