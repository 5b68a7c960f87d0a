package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a local directory, plus what only a directory shows: files on disk and shared locks. */
class LocalArtifactStoreTest extends ArtifactStoreContract {

    @TempDir
    Path root;

    @Override
    protected LocalArtifactStore store() {
        return new LocalArtifactStore(root);
    }

    @Test
    void etagIsTheContentSha256AndTheObjectAFile() {
        LocalArtifactStore store = store();
        store.put("models/v1/model.bin", bytes("weights"));

        StoredObject stored = store.get("models/v1/model.bin").orElseThrow();

        assertArrayEquals(bytes("weights"), stored.data());
        assertEquals("9a129038d9a00aed0cf6a7ea059ca50a813449061ab87848cf1a13eafdf33b2c", stored.etag());
        assertTrue(Files.isRegularFile(root.resolve("models/v1/model.bin")));
    }

    @Test
    void listOfAStoreWhoseRootDoesNotExistYetIsEmpty() {
        assertEquals(List.of(), new LocalArtifactStore(root.resolve("not-yet")).list(""));
    }

    @Test
    void replaceIfOnAMissingObjectFailsWithoutCreatingItsFolder() {
        LocalArtifactStore store = store();

        assertFalse(store.replaceIf("missing/c.json", bytes("x"), Sha256.hex(new byte[0])));
        store.put("here/other", bytes("x"));
        assertFalse(store.replaceIf("here/c.json", bytes("x"), Sha256.hex(new byte[0])));

        assertEquals(List.of("here/other"), store.list(""));
    }

    @Test
    void tempAndLockFilesOnDiskAreNeverListed() throws IOException {
        LocalArtifactStore store = store();
        store.put("channels/production.json", bytes("1"));
        String etag = store.get("channels/production.json").orElseThrow().etag();
        store.replaceIf("channels/production.json", bytes("2"), etag);
        store.putIfAbsent("feedback/a.json", bytes("a"));
        // A temp file left by a writer that crashed before its rename:
        Files.writeString(root.resolve("feedback/.b.json.0000.tmp"), "partial");

        List<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
        assertTrue(onDisk.contains("channels/.production.json.lock"), onDisk.toString());
        assertTrue(onDisk.contains("feedback/.b.json.0000.tmp"), onDisk.toString());

        assertEquals(List.of("channels/production.json", "feedback/a.json"), store.list(""));
    }

    @Test
    void twoStoreInstancesOnOneRootShareTheirLocks() throws Exception {
        LocalArtifactStore first = store();
        LocalArtifactStore second = new LocalArtifactStore(root);
        first.put("counter", bytes("0"));
        List<Callable<Boolean>> incrementers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalArtifactStore store = i % 2 == 0 ? first : second;
            incrementers.add(() -> {
                for (int n = 0; n < 25; n++) {
                    increment(store, "counter");
                }
                return true;
            });
        }

        runTogether(incrementers);

        assertEquals("200", new String(first.get("counter").orElseThrow().data(), UTF_8));
    }

    @Test
    void describeNamesTheAbsoluteRoot() {
        assertEquals("file:" + root.toAbsolutePath().normalize(), store().describe());
    }
}
