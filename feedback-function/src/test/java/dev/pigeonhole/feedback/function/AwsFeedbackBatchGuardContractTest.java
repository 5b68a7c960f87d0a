package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.AwsTransport;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The batch path's guards through the Lambda handler, as API Gateway (HTTP API, payload 2.0) invokes it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsFeedbackBatchGuardContractTest extends FeedbackBatchGuardContractTest {

    @TempDir
    static Path store;

    private String version;
    private ApplicationContext context;
    private AwsTransport transport;

    @BeforeAll
    void startHandler() {
        version = ModelFixture.publish(store);
        context = new LambdaApplicationContextBuilder().properties(Map.copyOf(guardProperties(store))).environments("test").start();
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


    @Override
    protected Path store() {
        return store;
    }
}
