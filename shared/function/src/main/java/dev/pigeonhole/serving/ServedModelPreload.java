package dev.pigeonhole.serving;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Starts loading the served model on a background thread as soon as a function process starts,
 * so that reading, verifying and decoding the model overlaps the framework's own start-up on the
 * other core. The bean that serves the model then takes the result, or loads it itself when the
 * configuration it was given names another store or channel.
 */
public final class ServedModelPreload {

    private static volatile Pending pending;

    private ServedModelPreload() {
    }

    /** Begins loading {@code channel} from {@code storeSpec}; returns at once. */
    public static void start(String storeSpec, String channel) {
        start(storeSpec, channel, false);
    }

    /** As {@link #start(String, String)}; with {@code manifestOnly}, reads only the version's manifest. */
    public static void start(String storeSpec, String channel, boolean manifestOnly) {
        // Logging is set up on the caller's thread before the loader starts. Were the loader the first to log, the
        // framework starting meanwhile on this thread would get SLF4J's stand-in loggers, which report every level
        // as enabled: Micronaut would then trace each bean it resolves, formatting messages nobody reads.
        LoggerFactory.getILoggerFactory();
        CompletableFuture<ServedModel> future = new CompletableFuture<>();
        Thread loader = new Thread(() -> future.complete(manifestOnly ? ServedModel.loadManifest(storeSpec, channel)
                : ServedModel.load(storeSpec, channel)), "served-model-preload");
        loader.setDaemon(true);
        loader.start();
        pending = new Pending(storeSpec, channel, manifestOnly, future);
    }

    /**
     * The preload when it was started for the same store and channel, else a load begun now; either
     * way the caller gets the model to come without waiting for it.
     */
    public static CompletableFuture<ServedModel> take(String storeSpec, String channel) {
        return take(storeSpec, channel, false);
    }

    /** As {@link #take(String, String)}; with {@code manifestOnly}, a served version of the manifest alone. */
    public static CompletableFuture<ServedModel> take(String storeSpec, String channel, boolean manifestOnly) {
        Pending started = pending;
        pending = null;
        if (started != null && started.storeSpec.equals(storeSpec) && started.channel.equals(channel)
                && started.manifestOnly == manifestOnly) {
            return started.model;
        }
        start(storeSpec, channel, manifestOnly);
        return take(storeSpec, channel, manifestOnly);
    }

    private record Pending(String storeSpec, String channel, boolean manifestOnly, CompletableFuture<ServedModel> model) {
        Pending {
            Objects.requireNonNull(storeSpec);
            Objects.requireNonNull(channel);
        }
    }
}
