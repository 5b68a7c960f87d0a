package dev.pigeonhole.predict.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.pigeonhole.azure.BinaryBodyHttpFunction;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.Optional;

/** The predict function on Azure Functions: every path and method of the app goes to the controllers. */
public final class PredictHttpFunction extends BinaryBodyHttpFunction {

    /** What the Functions host calls. */
    public PredictHttpFunction() {
        super();
    }

    /** Over a context built from {@code builder} (tests). */
    public PredictHttpFunction(ApplicationContextBuilder builder) {
        super(builder);
    }

    @FunctionName("predict")
    public HttpResponseMessage invoke(
            @HttpTrigger(name = "request", route = "{*path}", authLevel = AuthorizationLevel.ANONYMOUS,
                    dataType = "binary") HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        return routeBytes(request, context);
    }
}
