package dev.pigeonhole.feedback.function;

import dev.pigeonhole.contract.AzureTransport;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.feedback.function.azure.FeedbackHttpFunction;
import io.micronaut.azure.function.AzureFunction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The no-model answers through the Azure Functions trigger, over an empty store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureNoModelContractTest extends NoModelContractTest {

    @TempDir
    static Path emptyStore;

    private FeedbackHttpFunction function;
    private AzureTransport transport;

    @BeforeAll
    void startFunction() {
        function = new FeedbackHttpFunction(AzureFunction.defaultApplicationContextBuilder()
                .properties(Map.of("pigeonhole.store", "file:" + emptyStore,
                        "pigeonhole.access.api-keys", FeedbackContractTest.apiKeysEntry())).environments("test"));
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
}
