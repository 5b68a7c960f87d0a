package dev.pigeonhole.benchmarks;

import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.ModelResolver;
import dev.pigeonhole.store.StoreLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks find their inputs: the channel's version in PIGEONHOLE_STORE and the reference message. */
final class StoreModels {

    private StoreModels() {
    }

    static LoadedVersion production() {
        String channel = System.getenv().getOrDefault("PIGEONHOLE_CHANNEL", "production");
        return new ModelResolver(StoreLocation.open(StoreLocation.fromEnvironment())).resolve(channel);
    }

    /** The ~1.5 KB newsgroup message the HTTP benchmarks post ({@code bench/message.txt}). */
    static String message() {
        try {
            return Files.readString(Path.of(System.getProperty("pigeonhole.message", "bench/message.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
