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
    void cloudSpecWithoutItsStoreModuleNamesTheModuleToAdd() {
        // Core's tests run without the cloud store modules, as a package built for the other cloud does.
        IllegalStateException s3 = assertThrows(IllegalStateException.class, () -> StoreLocation.open("s3://b/p", Map.of()));
        IllegalStateException azure = assertThrows(IllegalStateException.class,
                () -> StoreLocation.open("azblob://c/p", Map.of()));

        assertTrue(s3.getMessage().contains("add the module pigeonhole-store-s3"), s3.getMessage());
        assertTrue(azure.getMessage().contains("add the module pigeonhole-store-azure"), azure.getMessage());
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
