package dev.pigeonhole.predict;

import dev.pigeonhole.contract.AzureTransport;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.TabularModelFixture;
import dev.pigeonhole.predict.azure.PredictHttpFunction;
import io.micronaut.azure.function.AzureFunction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The tabular predict contract through the Azure Functions trigger, as the Functions host calls it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureTabularPredictContractTest extends TabularPredictContractTest {

    @TempDir
    static Path store;

    private String version;
    private PredictHttpFunction function;
    private AzureTransport transport;

    @BeforeAll
    void startFunction() {
        version = TabularModelFixture.publish(store);
        function = new PredictHttpFunction(AzureFunction.defaultApplicationContextBuilder()
                .properties(Map.copyOf(PredictContractTest.contractProperties(store))).environments("test"));
        transport = new AzureTransport(function, "predict", function::invoke);
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
    protected String servedVersion() {
        return version;
    }
}
