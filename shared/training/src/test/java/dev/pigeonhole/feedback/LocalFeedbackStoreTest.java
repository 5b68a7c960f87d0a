package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.LocalArtifactStore;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The feedback store contract on a local directory. */
class LocalFeedbackStoreTest extends FeedbackStoreContract {

    @TempDir(factory = InMemoryWhereAvailable.class)
    Path root;

    @Override
    ArtifactStore store() {
        return new LocalArtifactStore(root);
    }

    /**
     * A temporary directory on /dev/shm when the machine has one. Every counted feedback is one fsync'd write of the
     * counter, 2,000 of them in a row under contention; on this machine's disk (about 2 ms per fsync) that alone is
     * several seconds, while the proof is about atomicity, which tmpfs and disk provide alike.
     */
    static final class InMemoryWhereAvailable implements TempDirFactory {

        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "pigeonhole-feedback-")
                    : Files.createTempDirectory("pigeonhole-feedback-");
        }
    }
}
