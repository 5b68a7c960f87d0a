package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionsTest {

    @TempDir
    Path root;

    private final Clock fixedClock = Clock.fixed(Instant.parse("2026-11-22T01:30:45.123Z"), ZoneOffset.UTC);

    @Test
    void publishedVersionLoadsBackWithItsManifestAndVerifiedFiles() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        Manifest published = new VersionPublisher(store, fixedClock).publish(Fixtures.draft("v20260101-000000-000"),
                Fixtures.files("a"));

        LoadedVersion loaded = new VersionReader(store).load(published.version());

        assertEquals("v20261122-013045-123", published.version());
        assertEquals(published, loaded.manifest());
        assertEquals(1, loaded.manifest().formatVersion());
        assertEquals("2026-11-22T01:30:45.123Z", loaded.manifest().createdAt());
        assertEquals("v20260101-000000-000", loaded.manifest().parent());
        assertEquals(Fixtures.draft(null).trainingData(), loaded.manifest().trainingData());
        assertEquals(Map.of("accuracy", 0.91, "macro_f1", 0.9), loaded.manifest().metrics());
        assertArrayEquals(Fixtures.files("a").get("model.bin"), loaded.file("model.bin"));
        FileEntry model = loaded.manifest().file("model.bin").orElseThrow();
        assertEquals("weights a".length(), model.size());
        assertEquals(List.of("model.bin", "report.html"), loaded.manifest().files().stream().map(FileEntry::name).toList());
        assertTrue(Files.isRegularFile(root.resolve("models/v20261122-013045-123/manifest.json")));
    }

    @Test
    void manifestJsonUsesSnakeCaseFieldNames() {
        ArtifactStore store = new LocalArtifactStore(root);
        String version = Fixtures.publish(store, "a");

        String json = new String(store.get("models/" + version + "/manifest.json").orElseThrow().data(), UTF_8);

        for (String field : List.of("\"format_version\":1", "\"created_at\"", "\"parent\":null", "\"library_versions\"",
                "\"training_data\"", "\"label_counts\"", "\"sha256\"", "\"size\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void fileChangedAfterPublishIsRefusedNamingTheFileAndBothHashes() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        String version = Fixtures.publish(store, "a");
        byte[] tampered = "weights b".getBytes(UTF_8); // same size, different bytes
        Files.write(root.resolve("models/" + version + "/model.bin"), tampered);
        String expected = new VersionReader(store).manifest(version).file("model.bin").orElseThrow().sha256();

        CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
                () -> new VersionReader(store).load(version));

        assertTrue(e.getMessage().contains(version), e.getMessage());
        assertTrue(e.getMessage().contains("'model.bin'"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(Sha256.hex(tampered)), e.getMessage());
    }

    @Test
    void missingFileIsRefused() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        String version = Fixtures.publish(store, "a");
        Files.delete(root.resolve("models/" + version + "/report.html"));

        CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
                () -> new VersionReader(store).load(version));

        assertTrue(e.getMessage().contains("'report.html' is missing"), e.getMessage());
    }

    @Test
    void unreadableManifestIsReportedAsCorrupt() {
        ArtifactStore store = new LocalArtifactStore(root);
        store.put("models/v1/manifest.json", "{not json".getBytes(UTF_8));

        CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
                () -> new VersionReader(store).load("v1"));

        assertTrue(e.getMessage().contains("'v1'"), e.getMessage());
    }

    @Test
    void unknownVersionIsReportedWithItsNameAndTheStore() {
        ArtifactStore store = new LocalArtifactStore(root);

        VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
                () -> new VersionReader(store).load("v20990101-000000-000"));

        assertTrue(e.getMessage().contains("'v20990101-000000-000' not found in " + store.describe()), e.getMessage());
    }

    @Test
    void folderWithFilesButNoManifestIsNotAVersion() {
        ArtifactStore store = new LocalArtifactStore(root);
        String complete = Fixtures.publish(store, "a");
        // What a publisher that crashed between its files and its manifest leaves behind:
        store.put("models/v29990101-000000-000/model.bin", "weights".getBytes(UTF_8));

        assertEquals(List.of(complete), new VersionReader(store).versions());
        assertThrows(VersionNotFoundException.class, () -> new VersionReader(store).load("v29990101-000000-000"));
    }

    @Test
    void nextPublishSortsAfterACrashedFolderAndDoesNotReuseIt() {
        ArtifactStore store = new LocalArtifactStore(root);
        store.put("models/v20261122-013045-123/model.bin", "leftover".getBytes(UTF_8));

        Manifest published = new VersionPublisher(store, fixedClock).publish(Fixtures.draft(null), Fixtures.files("a"));

        assertEquals("v20261122-013045-124", published.version());
        assertArrayEquals("leftover".getBytes(UTF_8),
                store.get("models/v20261122-013045-123/model.bin").orElseThrow().data());
    }

    @Test
    void quickPublishesGetNamesThatSortInCreationOrder() {
        ArtifactStore store = new LocalArtifactStore(root);
        VersionPublisher sameMillisecond = new VersionPublisher(store, fixedClock);
        VersionPublisher realClock = new VersionPublisher(store);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            published.add(sameMillisecond.publish(Fixtures.draft(null), Fixtures.files("same " + i)).version());
        }
        for (int i = 0; i < 4; i++) {
            published.add(realClock.publish(Fixtures.draft(null), Fixtures.files("real " + i)).version());
        }

        assertEquals(8, new HashSet<>(published).size(), published.toString());
        assertEquals(published, new VersionReader(store).versions());
        assertTrue(published.stream().allMatch(v -> v.matches("v\\d{8}-\\d{6}-\\d{3}")), published.toString());
    }

    @Test
    void concurrentPublishersInTheSameMillisecondEachGetTheirOwnIntactVersion() throws Exception {
        ArtifactStore store = new LocalArtifactStore(root);
        List<Callable<Manifest>> publishers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String seed = "publisher " + i;
            publishers.add(() -> new VersionPublisher(store, fixedClock).publish(Fixtures.draft(null), Fixtures.files(seed)));
        }

        List<Manifest> manifests = LocalArtifactStoreTest.runTogether(publishers);

        VersionReader reader = new VersionReader(store);
        assertEquals(8, reader.versions().size(), reader.versions().toString());
        for (int i = 0; i < manifests.size(); i++) {
            LoadedVersion loaded = reader.load(manifests.get(i).version());
            assertArrayEquals(("weights publisher " + i).getBytes(UTF_8), loaded.file("model.bin"));
        }
    }

    @Test
    void fileNamesMustBePlainAndNotTheManifest() {
        VersionPublisher publisher = new VersionPublisher(new LocalArtifactStore(root));
        byte[] data = "x".getBytes(UTF_8);
        for (String name : List.of("manifest.json", "sub/model.bin", "..", ".hidden", "a\\b", "")) {
            assertThrows(IllegalArgumentException.class,
                    () -> publisher.publish(Fixtures.draft(null), Map.of(name, data)), name);
        }
        assertThrows(IllegalArgumentException.class, () -> publisher.publish(Fixtures.draft(null), Map.of()));
        assertEquals(List.of(), new LocalArtifactStore(root).list(""));
    }
}
