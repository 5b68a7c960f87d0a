package dev.pigeonhole.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.serving.ServedModelRestore;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.VersionReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.OrderedResource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** With CRaC on (Lambda SnapStart), a restored snapshot serves the version its channel names now, not the frozen one. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotRestoreTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    private static String frozen;

    @Inject
    EmbeddedServer server;

    @Inject
    ServedModelRestore restore;

    @Inject
    List<OrderedResource> cracResources;

    @Override
    public Map<String, String> getProperties() {
        frozen = ModelFixture.publish(store);
        return Map.of("pigeonhole.store", "file:" + store, "crac.enabled", "true");
    }

    @Test
    void afterRestoreServesTheVersionTheChannelMovedToWhileTheSnapshotWasStored() {
        restore.beforeCheckpoint(null);
        String published = ModelFixture.publishVersion(store);
        LocalArtifactStore artifacts = new LocalArtifactStore(store);
        new Channels(artifacts, new VersionReader(artifacts)).move("production", published, "test");
        assertEquals(frozen, servedVersion());

        restore.afterRestore(null);

        assertNotEquals(frozen, published);
        assertEquals(published, servedVersion());
    }

    @Test
    void theHookIsRegisteredWithCrac() {
        assertTrue(cracResources.contains(restore), cracResources.toString());
    }

    @Test
    void cracIsOffByDefaultSoNoHookRunsLocally() {
        try (ApplicationContext plain = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            assertFalse(plain.containsBean(ServedModelRestore.class));
        }
    }

    private String servedVersion() {
        return (String) new NettyTransport(server).send(ContractRequest.get("/health")).json().get("model_version");
    }
}
