package dev.pigeonhole.serving;

import dev.pigeonhole.testing.FormatOneStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServedModelPreloadTest {

    @TempDir
    Path fixture;

    private String fixtureStore;

    // Copied once per test: a copy made while a preload reads the folder would race with it.
    @BeforeEach
    void copyFixture() {
        fixtureStore = "file:" + FormatOneStore.copyTo(fixture);
    }

    @Test
    void takeReturnsThePreloadedModelForTheSameStoreAndChannel() {
        ServedModelPreload.start(fixtureStore, "production");
        ServedModel served = ServedModelPreload.take(fixtureStore, "production").join();
        assertTrue(served.loaded());
        assertEquals("v20261122-014850-002", served.version().orElseThrow());
    }

    @Test
    void takeLoadsAfreshWhenTheConfigurationNamesAnotherStore(@TempDir Path empty) {
        ServedModelPreload.start(fixtureStore, "production");
        ServedModel served = ServedModelPreload.take("file:" + empty, "production").join();
        assertFalse(served.loaded());
    }

    @Test
    void aPreloadIsTakenOnlyOnce(@TempDir Path empty) {
        ServedModelPreload.start("file:" + empty, "production");
        assertFalse(ServedModelPreload.take("file:" + empty, "production").join().loaded());
        // the second take cannot reuse the first result: it loads what the store holds now
        assertTrue(ServedModelPreload.take(fixtureStore, "production").join().loaded());
    }
}
