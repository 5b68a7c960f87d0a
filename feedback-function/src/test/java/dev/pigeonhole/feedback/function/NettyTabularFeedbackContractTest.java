package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.TabularModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The tabular feedback contract through the embedded Netty server, as {@code java -jar} runs it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyTabularFeedbackContractTest extends TabularFeedbackContractTest implements TestPropertyProvider {

    @TempDir
    static Path store;


    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        TabularModelFixture.publish(store);
        return tabularProperties(store);
    }

    @Override
    protected ContractResponse send(ContractRequest request) {
        return new NettyTransport(server).send(request);
    }

    @Override
    protected Path store() {
        return store;
    }
}
