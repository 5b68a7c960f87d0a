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

/** The guarantees of every {@link ArtifactStore}, proven on whatever {@link #store()} returns. */
public abstract class ArtifactStoreContract {

    /** A new, empty store for one test. */
    protected abstract ArtifactStore store();

    /** Increments each of 16 threads makes in the compare-and-swap race; remote servers may prove it with fewer. */
    protected int incrementsPerThread() {
        return 50;
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void getReturnsWhatPutWroteWithAnEtag() {
        ArtifactStore store = store();
        store.put("models/v1/model.bin", bytes("weights"));

        StoredObject stored = store.get("models/v1/model.bin").orElseThrow();

        assertArrayEquals(bytes("weights"), stored.data());
        assertFalse(stored.etag().isBlank());
        assertEquals(stored.etag(), store.get("models/v1/model.bin").orElseThrow().etag(), "an unchanged object keeps its etag");
    }

    @Test
    void replaceIfOnAMissingObjectFailsWithoutCreatingIt() {
        ArtifactStore store = store();
        store.put("here/other", bytes("x"));
        String someEtag = store.get("here/other").orElseThrow().etag();

        assertFalse(store.replaceIf("missing/c.json", bytes("x"), someEtag));
        assertFalse(store.replaceIf("here/c.json", bytes("x"), someEtag));

        assertEquals(List.of("here/other"), store.list(""));
    }

    @Test
    void getOfAMissingKeyOrOfAFolderIsEmpty() {
        ArtifactStore store = store();
        store.put("models/v1/model.bin", bytes("x"));

        assertEquals(Optional.empty(), store.get("models/v2/model.bin"));
        assertEquals(Optional.empty(), store.get("models/v1"));
    }

    @Test
    void getOfAKeyBelowAnObjectIsEmpty() {
        ArtifactStore store = store();
        store.put("models/v1/model.bin", bytes("x"));

        assertEquals(Optional.empty(), store.get("models/v1/model.bin/deeper"));
    }

    @Test
    void putReplacesTheObjectAndChangesItsEtag() {
        ArtifactStore store = store();
        store.put("a.json", bytes("one"));
        String first = store.get("a.json").orElseThrow().etag();

        store.put("a.json", bytes("two"));

        StoredObject stored = store.get("a.json").orElseThrow();
        assertArrayEquals(bytes("two"), stored.data());
        assertNotEquals(first, stored.etag());
    }

    @Test
    void listReturnsEveryKeyUnderThePrefixSorted() {
        ArtifactStore store = store();
        for (String key : List.of("models/v2/b", "models/v1/a", "models/v10/c", "channels/production.json", "top")) {
            store.put(key, bytes(key));
        }

        assertEquals(List.of("channels/production.json", "models/v1/a", "models/v10/c", "models/v2/b", "top"),
                store.list(""));
        assertEquals(List.of("models/v1/a", "models/v10/c", "models/v2/b"), store.list("models/"));
        assertEquals(List.of("models/v1/a", "models/v10/c"), store.list("models/v1"));
        assertEquals(List.of("models/v1/a"), store.list("models/v1/"));
        assertEquals(List.of(), store.list("feedback/"));
    }

    @Test
    void invalidKeysAreRejectedByEveryOperation() {
        ArtifactStore store = store();
        List<String> invalid = List.of("", "/abs", "a/../b", "..", "a//b", "a/", "a\\b", "./a", "a/.hidden");
        for (String key : invalid) {
            assertThrows(IllegalArgumentException.class, () -> store.get(key), key);
            assertThrows(IllegalArgumentException.class, () -> store.put(key, bytes("x")), key);
            assertThrows(IllegalArgumentException.class, () -> store.putIfAbsent(key, bytes("x")), key);
            assertThrows(IllegalArgumentException.class, () -> store.replaceIf(key, bytes("x"), "etag"), key);
        }
        assertThrows(IllegalArgumentException.class, () -> store.list("/models"));
        assertThrows(IllegalArgumentException.class, () -> store.list("models//"));
        assertThrows(IllegalArgumentException.class, () -> store.list("../"));
        assertEquals(List.of(), store.list(""));
    }

    @Test
    void putIfAbsentCreatesOnceAndNeverOverwrites() {
        ArtifactStore store = store();

        assertTrue(store.putIfAbsent("feedback/1.json", bytes("first")));
        assertFalse(store.putIfAbsent("feedback/1.json", bytes("second")));

        assertArrayEquals(bytes("first"), store.get("feedback/1.json").orElseThrow().data());
    }

    @Test
    void replaceIfSwapsOnlyWhenTheEtagMatches() {
        ArtifactStore store = store();
        store.put("c.json", bytes("one"));
        String etag = store.get("c.json").orElseThrow().etag();

        assertFalse(store.replaceIf("c.json", bytes("two"), "not-the-etag"));
        assertArrayEquals(bytes("one"), store.get("c.json").orElseThrow().data());

        assertTrue(store.replaceIf("c.json", bytes("two"), etag));
        assertArrayEquals(bytes("two"), store.get("c.json").orElseThrow().data());
        assertFalse(store.replaceIf("c.json", bytes("three"), etag), "the old etag is stale after a swap");
    }

    @Test
    void putIfAbsentFromSixteenThreadsOnOneKeyCreatesExactlyOnce() throws Exception {
        ArtifactStore store = store();
        int threads = 16;
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            byte[] content = bytes("writer " + i);
            writers.add(() -> store.putIfAbsent("retrain-requests/000001.json", content));
        }

        List<Boolean> results = runTogether(writers);

        int winner = results.indexOf(true);
        assertEquals(1, results.stream().filter(created -> created).count(), results.toString());
        assertArrayEquals(bytes("writer " + winner), store.get("retrain-requests/000001.json").orElseThrow().data());
        assertEquals(List.of("retrain-requests/000001.json"), store.list(""));
    }

    @Test
    void replaceIfRacingReadModifyWriteLosesNoIncrement() throws Exception {
        ArtifactStore store = store();
        store.put("counter", bytes("0"));
        int threads = 16;
        int incrementsEach = incrementsPerThread();
        List<Callable<Boolean>> incrementers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            incrementers.add(() -> {
                for (int n = 0; n < incrementsEach; n++) {
                    increment(store, "counter");
                }
                return true;
            });
        }

        runTogether(incrementers);

        assertEquals(String.valueOf(threads * incrementsEach),
                new String(store.get("counter").orElseThrow().data(), UTF_8));
    }

    public static void increment(ArtifactStore store, String key) {
        while (true) {
            StoredObject current = store.get(key).orElseThrow();
            int value = Integer.parseInt(new String(current.data(), UTF_8));
            if (store.replaceIf(key, bytes(String.valueOf(value + 1)), current.etag())) {
                return;
            }
        }
    }

    public static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
