package dev.pigeonhole.feedback.function.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.pigeonhole.azure.BinaryBodyHttpFunction;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.Optional;

/**
 * The feedback function on Azure Functions: every path and method of the app goes to the controllers,
 * behind a function key (feedback writes to the store).
 */
public final class FeedbackHttpFunction extends BinaryBodyHttpFunction {

    /** What the Functions host calls. */
    public FeedbackHttpFunction() {
        super();
    }

    /** Over a context built from {@code builder} (tests). */
    public FeedbackHttpFunction(ApplicationContextBuilder builder) {
        super(builder);
    }

    @FunctionName("feedback")
    public HttpResponseMessage invoke(
            @HttpTrigger(name = "request", route = "{*path}", authLevel = AuthorizationLevel.FUNCTION,
                    dataType = "binary") HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        return routeBytes(request, context);
    }
}
