package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.LocalArtifactStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Feedback at fleet scale on a local directory. */
class LocalFeedbackAtScaleTest extends FeedbackAtScaleContract {

    @TempDir(factory = LocalFeedbackStoreTest.InMemoryWhereAvailable.class)
    Path root;

    @Override
    ArtifactStore store() {
        return new LocalArtifactStore(root.resolve(java.util.UUID.randomUUID().toString()));
    }
}
