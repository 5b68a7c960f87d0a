package dev.pigeonhole.predict;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The predict contract through the embedded Netty server, as {@code java -jar} runs it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyPredictContractTest extends PredictContractTest implements TestPropertyProvider {

    @TempDir
    static Path store;

    private static String version;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        version = ModelFixture.publish(store);
        return contractProperties(store);
    }

    @Override
    protected ContractResponse send(ContractRequest request) {
        return new NettyTransport(server).send(request);
    }

    @Override
    protected String servedVersion() {
        return version;
    }

    @Test
    void predictBodyOverTheLimitSentWithoutContentLengthIs413() {
        String json = "{\"text\": \"" + "word ".repeat((int) MAX_BODY_BYTES / 5 + 10) + "\"}";
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(json.getBytes(UTF_8)));

        ContractResponse response = new NettyTransport(server).send(
                ContractRequest.postJson("/predict", json), chunked);

        assertError(413, "the request body is larger than the limit of " + MAX_BODY_BYTES
                + " bytes for JSON predictions: send shorter texts, fewer per batch, or upload the document to /upload",
                response);
    }
}
