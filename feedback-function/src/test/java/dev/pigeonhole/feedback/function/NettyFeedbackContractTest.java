package dev.pigeonhole.feedback.function;

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

/** The feedback contract through the embedded Netty server, as {@code java -jar} runs it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyFeedbackContractTest extends FeedbackContractTest implements TestPropertyProvider {

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

    @Override
    protected Path store() {
        return store;
    }

    @Test
    void feedbackBodyOverTheLimitSentWithoutContentLengthIs413() {
        ContractRequest request = feedback("word ".repeat((int) MAX_BODY_BYTES / 5 + 10), "Sport", "Sport");
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(request.body()));

        assertError(413, FeedbackEndpointGuide.tooLargeMessage(MAX_BODY_BYTES), new NettyTransport(server).send(request, chunked));
    }
}
