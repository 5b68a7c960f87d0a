package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.AzureTransport;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.feedback.function.azure.FeedbackHttpFunction;
import io.micronaut.azure.function.AzureFunction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The batch path's guards through the Azure Functions trigger, as the Functions host calls it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureFeedbackBatchGuardContractTest extends FeedbackBatchGuardContractTest {

    @TempDir
    static Path store;

    private String version;
    private FeedbackHttpFunction function;
    private AzureTransport transport;

    @BeforeAll
    void startFunction() {
        version = ModelFixture.publish(store);
        function = new FeedbackHttpFunction(AzureFunction.defaultApplicationContextBuilder()
                .properties(Map.copyOf(guardProperties(store))).environments("test"));
        transport = new AzureTransport(function, "feedback", function::invoke);
    }

    @AfterAll
    void stopFunction() {
        function.close();
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
