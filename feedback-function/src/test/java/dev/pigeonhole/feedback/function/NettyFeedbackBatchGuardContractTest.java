package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The batch path's guards through the embedded Netty server, as {@code java -jar} runs it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyFeedbackBatchGuardContractTest extends FeedbackBatchGuardContractTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    private static String version;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        version = ModelFixture.publish(store);
        return guardProperties(store);
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
