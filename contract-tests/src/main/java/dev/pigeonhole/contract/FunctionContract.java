package dev.pigeonhole.contract;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every contract suite shares: a store of its own, and the function started on the runtime under test
 * ({@link FunctionRuntime#selected()}) before the suite's tests and stopped after them. A suite says how to prepare
 * the store and configure the function, and which Azure entry point is the function's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FunctionContract {

    @TempDir
    static Path store;

    private RunningFunction function;

    /** Prepares {@code store} (publishes a model, when the suite serves one) and returns the function's configuration. */
    protected abstract Map<String, String> prepare(Path store);

    /** The function's Azure entry point, started when the runtime under test is Azure. */
    protected abstract AzureEntryPoint azureEntryPoint();

    @BeforeAll
    void startFunction() {
        function = FunctionRuntime.selected().start(prepare(store), azureEntryPoint());
    }

    @AfterAll
    void stopFunction() {
        function.close();
    }

    /** Carries {@code request} to the function through the runtime under test. */
    protected ContractResponse send(ContractRequest request) {
        return function.send(request);
    }

    /** As {@link #send}, the body streamed in chunks without a Content-Length, as the runtime then delivers it. */
    protected ContractResponse sendWithoutContentLength(ContractRequest request) {
        return function.sendWithoutContentLength(request);
    }

    /** The suite's store. */
    protected Path store() {
        return store;
    }
}
