package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The store contract on a storage server, plus what only a server shows: a missing bucket and the server going away. */
abstract class CloudStoreContract extends ArtifactStoreContract {

    /** The server shared by the tests of this run. */
    abstract StorageServer sharedServer();

    /** A server of the test's own, which it may stop. */
    abstract StorageServer startServer();

    @Override
    protected ArtifactStore store() {
        return sharedServer().newStore();
    }

    @Override
    protected int incrementsPerThread() {
        return 10;
    }

    @Test
    void openingAMissingBucketFailsNamingIt() {
        StoreException e = assertThrows(StoreException.class, () -> sharedServer().openMissing("no-such-bucket"));

        assertTrue(e.getMessage().contains("'no-such-bucket' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("created by the infrastructure"), e.getMessage());
    }

    @Test
    void serverGoingAwayMidRunFailsClearlyAndLeavesNothingPartial() throws Exception {
        StorageServer server = startServer();
        try {
            ArtifactStore store = server.newStore();
            AtomicInteger written = new AtomicInteger();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<StoreException> failure = writer.submit(() -> {
                for (int i = 0; ; i++) {
                    try {
                        store.putIfAbsent("objects/" + i, content(i));
                        written.incrementAndGet();
                    } catch (StoreException e) {
                        return e;
                    }
                }
            });
            while (written.get() < 20) {
                Thread.sleep(10);
            }
            server.process().stop();
            StoreException e = failure.get(120, TimeUnit.SECONDS);
            writer.shutdownNow();

            assertTrue(e.getMessage().startsWith("cannot create 'objects/"), e.getMessage());
            assertTrue(e.getMessage().contains(store.describe()), e.getMessage());
            assertInstanceOf(StoreException.class, assertThrows(StoreException.class, () -> store.get("objects/0")));

            server.process().restart();
            List<String> keys = store.list("objects/");
            assertTrue(keys.size() >= 20, keys.size() + " objects");
            for (String key : keys) {
                int i = Integer.parseInt(key.substring("objects/".length()));
                StoredObject stored = store.get(key).orElseThrow();
                assertNotNull(stored.etag());
                assertArrayEquals(content(i), stored.data(), key + " is whole");
            }
            assertEquals(List.of("objects/0"), store.list("objects/0"));
        } finally {
            server.process().stop();
        }
    }

    // 256 kB each, so that the stop is likely to catch a request in the middle of its body.
    private static byte[] content(int i) {
        return ("object " + i + " ").repeat(256 * 1024 / 10).getBytes(UTF_8);
    }
}
