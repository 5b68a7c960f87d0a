package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {

    @TempDir
    Path root;

    @Test
    void resolveLoadsTheVersionTheChannelPointsAt() {
        ArtifactStore store = new LocalArtifactStore(root);
        String first = Fixtures.publish(store, "a");
        String second = Fixtures.publish(store, "b");
        Channels channels = new Channels(store, new VersionReader(store));
        channels.move("production", first, "first");
        channels.move("staging", second, "candidate");

        LoadedVersion production = new ModelResolver(store).resolve("production");

        assertEquals(first, production.manifest().version());
        assertArrayEquals("weights a".getBytes(UTF_8), production.file("model.bin"));
        assertEquals(second, new ModelResolver(store).resolve("staging").manifest().version());
    }

    @Test
    void filesLoadedFromAManifestAreThatVersionsEvenAfterTheChannelMoved() {
        ArtifactStore store = new LocalArtifactStore(root);
        String first = Fixtures.publish(store, "a");
        String second = Fixtures.publish(store, "b");
        Channels channels = new Channels(store, new VersionReader(store));
        channels.move("production", first, "first");
        ModelResolver resolver = new ModelResolver(store);
        Manifest manifest = resolver.resolveManifest("production");

        channels.move("production", second, "second");
        LoadedVersion loaded = resolver.load(manifest);

        assertEquals(first, loaded.manifest().version());
        assertArrayEquals("weights a".getBytes(UTF_8), loaded.file("model.bin"));
    }

    @Test
    void filesOfAManifestWhoseVersionIsGoneAreRefused() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        String version = Fixtures.publish(store, "a");
        new Channels(store, new VersionReader(store)).move("production", version, "first");
        ModelResolver resolver = new ModelResolver(store);
        Manifest manifest = resolver.resolveManifest("production");
        Files.delete(root.resolve("models/" + version + "/model.bin"));

        assertThrows(CorruptArtifactException.class, () -> resolver.load(manifest));
    }

    @Test
    void channelWithNothingPublishedSaysHowToFixIt() {
        ArtifactStore store = new LocalArtifactStore(root);

        ChannelNotFoundException e = assertThrows(ChannelNotFoundException.class,
                () -> new ModelResolver(store).resolve("production"));

        assertEquals("no model published on channel 'production' in " + store.describe() + "; run ./pigeonhole train",
                e.getMessage());
    }

    @Test
    void channelPointingAtAVersionDamagedSinceIsRefused() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        String version = Fixtures.publish(store, "a");
        new Channels(store, new VersionReader(store)).move("production", version, "first");
        Files.write(root.resolve("models/" + version + "/report.html"), "changed".getBytes(UTF_8));

        assertThrows(CorruptArtifactException.class, () -> new ModelResolver(store).resolve("production"));
    }

    @Test
    void channelPointingAtAVersionThatIsGoneNamesTheChannel() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        String version = Fixtures.publish(store, "a");
        new Channels(store, new VersionReader(store)).move("production", version, "first");
        Files.delete(root.resolve("models/" + version + "/manifest.json"));

        VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
                () -> new ModelResolver(store).resolve("production"));

        assertTrue(e.getMessage().contains("channel 'production' points at model version '" + version + "'"),
                e.getMessage());
    }
}
