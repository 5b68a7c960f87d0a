package dev.pigeonhole.contract;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Starts a function on one runtime: the embedded Netty server, the AWS Lambda handler or the Azure Functions trigger.
 * One contract suite per function runs on each: a test run selects the runtime by the system property
 * {@value #PROPERTY} ({@code netty}, {@code aws}, {@code azure}), and each runtime is a provider registered in
 * {@code META-INF/services}, named {@code <Name>Runtime}. Only the selected provider is instantiated, so a run needs
 * only its own runtime on the class path (the runtimes' request binding beans cannot share one).
 */
public interface FunctionRuntime {

    String PROPERTY = "pigeonhole.contract.runtime";

    /**
     * Starts the function with {@code properties} added to its configuration, in the {@code test} environment; the
     * Azure runtime starts {@code azure}, the others the application the class path holds.
     */
    RunningFunction start(Map<String, String> properties, AzureEntryPoint azure);

    /** The runtime {@value #PROPERTY} names, Netty when it is unset. */
    static FunctionRuntime selected() {
        String name = System.getProperty(PROPERTY, "netty");
        return ServiceLoader.load(FunctionRuntime.class).stream()
                .filter(provider -> provider.type().getSimpleName().equalsIgnoreCase(name + "Runtime"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no contract runtime '" + name + "' registered"))
                .get();
    }
}
