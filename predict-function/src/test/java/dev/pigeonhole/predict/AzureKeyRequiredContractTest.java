package dev.pigeonhole.predict;

import dev.pigeonhole.contract.AzureTransport;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.predict.azure.PredictHttpFunction;
import io.micronaut.azure.function.AzureFunction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Key-required predictions through the Azure Functions trigger, as the Functions host calls it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureKeyRequiredContractTest extends KeyRequiredContractTest {

    @TempDir
    static Path store;

    private PredictHttpFunction function;
    private AzureTransport transport;

    @BeforeAll
    void startFunction() {
        ModelFixture.publish(store);
        function = new PredictHttpFunction(AzureFunction.defaultApplicationContextBuilder()
                .properties(Map.copyOf(keyRequiredProperties(store))).environments("test"));
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
}
