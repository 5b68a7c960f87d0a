package dev.pigeonhole.predict;

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

/** The tabular predict contract through the embedded Netty server, as {@code java -jar} runs it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyTabularPredictContractTest extends TabularPredictContractTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    private static String version;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        version = TabularModelFixture.publish(store);
        return PredictContractTest.contractProperties(store);
    }

    @Override
    protected ContractResponse send(ContractRequest request) {
        return new NettyTransport(server).send(request);
    }

    @Override
    protected String servedVersion() {
        return version;
    }
}
