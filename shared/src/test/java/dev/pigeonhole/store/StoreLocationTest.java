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
    void cloudSchemesAreRecognisedButNotSupportedYet() {
        for (String spec : new String[] {"s3://bucket/prefix", "azblob://container/prefix"}) {
            StoreException e = assertThrows(StoreException.class, () -> StoreLocation.open(spec));
            assertTrue(e.getMessage().contains("not supported yet in this build"), e.getMessage());
            assertTrue(e.getMessage().contains(spec), e.getMessage());
        }
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
