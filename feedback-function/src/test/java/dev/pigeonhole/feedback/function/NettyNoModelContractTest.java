package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The no-model answers through the embedded Netty server, over an empty store. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyNoModelContractTest extends NoModelContractTest implements TestPropertyProvider {

    @TempDir
    static Path emptyStore;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("pigeonhole.store", "file:" + emptyStore,
                "pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry());
    }

    @Override
    protected ContractResponse send(ContractRequest request) {
        return new NettyTransport(server).send(request);
    }
}
