package dev.pigeonhole.contract;

/**
 * A function's Azure Functions entry point: its class (built with an ApplicationContextBuilder) and the name of its
 * {@code @FunctionName} method. Named, not referenced, so that the other runtimes' class paths need no Azure types.
 */
public record AzureEntryPoint(String className, String functionName) {
}
