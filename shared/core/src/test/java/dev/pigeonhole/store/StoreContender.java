package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;

/** A separate process for {@link CrossProcessStoreTest}: args root, id, increments; prints "created" or "exists". */
public final class StoreContender {

    private StoreContender() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        LocalArtifactStore store = new LocalArtifactStore(root);
        Path go = root.resolve(".go");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no start signal within 30 s");
            }
            Thread.sleep(1);
        }
        boolean created = store.putIfAbsent("race/winner", ("contender " + args[1]).getBytes(UTF_8));
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            ArtifactStoreContract.increment(store, "counter");
        }
        System.out.println(created ? "created" : "exists");
    }
}
