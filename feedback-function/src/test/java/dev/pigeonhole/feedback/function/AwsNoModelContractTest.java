package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.AwsTransport;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The no-model answers through the Lambda handler, over an empty store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsNoModelContractTest extends NoModelContractTest {

    @TempDir
    static Path emptyStore;

    private ApplicationContext context;
    private AwsTransport transport;

    @BeforeAll
    void startHandler() {
        context = new LambdaApplicationContextBuilder()
                .properties(Map.of("pigeonhole.store", "file:" + emptyStore,
                        "pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry())).environments("test").start();
        transport = new AwsTransport(new APIGatewayV2HTTPEventFunction(context));
    }

    @AfterAll
    void stopHandler() {
        context.close();
    }

    @Override
    protected ContractResponse send(ContractRequest request) {
        return transport.send(request);
    }
}
