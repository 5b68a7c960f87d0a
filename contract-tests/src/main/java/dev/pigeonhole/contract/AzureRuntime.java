package dev.pigeonhole.contract;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.micronaut.azure.function.AzureFunction;
import io.micronaut.context.ApplicationContextBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The function behind its Azure Functions trigger method, as the Functions host calls it. */
public final class AzureRuntime implements FunctionRuntime {

    @Override
    public RunningFunction start(Map<String, String> properties, AzureEntryPoint azure) {
        AzureFunction function = construct(azure.className(), AzureFunction.defaultApplicationContextBuilder()
                .properties(Map.copyOf(properties)).environments("test"));
        Method trigger = Arrays.stream(function.getClass().getMethods())
                .filter(method -> method.isAnnotationPresent(FunctionName.class)
                        && method.getAnnotation(FunctionName.class).value().equals(azure.functionName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(azure.className() + " has no @FunctionName(\""
                        + azure.functionName() + "\") method"));
        AzureTransport transport = new AzureTransport(function, azure.functionName(),
                (request, context) -> call(trigger, function, request, context));
        return RunningFunction.of(transport::send, transport::sendWithoutContentLength, function::close);
    }

    private static AzureFunction construct(String className, ApplicationContextBuilder builder) {
        try {
            return (AzureFunction) Class.forName(className).getConstructor(ApplicationContextBuilder.class)
                    .newInstance(builder);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(className + " cannot be built with an ApplicationContextBuilder", e);
        }
    }

    private static HttpResponseMessage call(Method trigger, AzureFunction function,
                                            HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        try {
            return (HttpResponseMessage) trigger.invoke(function, request, context);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException unwrap(InvocationTargetException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
