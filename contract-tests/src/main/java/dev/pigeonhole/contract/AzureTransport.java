package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.micronaut.azure.function.AzureFunction;
import io.micronaut.azure.function.http.HttpRequestMessageBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Carries contract requests to an Azure Functions HTTP trigger method as the Functions host calls it:
 * the full URL of the app, the query parsed beside it, a Content-Length header, and the body as the
 * bytes that were sent (the triggers declare {@code dataType = "binary"}).
 */
public final class AzureTransport {

    private static final String APP_URL = "https://pigeonhole.azurewebsites.net";

    private final BiFunction<HttpRequestMessage<Optional<byte[]>>, ExecutionContext, HttpResponseMessage> trigger;
    private final String functionName;
    private final ApplicationContext context;

    /**
     * {@code trigger} is the {@code @FunctionName} method of {@code function}, e.g. {@code function::invoke}, and
     * {@code functionName} its name.
     */
    public AzureTransport(AzureFunction function, String functionName,
                          BiFunction<HttpRequestMessage<Optional<byte[]>>, ExecutionContext, HttpResponseMessage> trigger) {
        this.context = function.getApplicationContext();
        this.functionName = functionName;
        this.trigger = trigger;
    }

    public ContractResponse send(ContractRequest request) {
        return send(request, true);
    }

    /** As {@link #send}, for a client that streamed its body in chunks: the host passes no Content-Length then. */
    public ContractResponse sendWithoutContentLength(ContractRequest request) {
        return send(request, false);
    }

    private ContractResponse send(ContractRequest request, boolean contentLength) {
        HttpRequestMessageBuilder<Object> builder =
                HttpRequestMessageBuilder.builder(HttpMethod.value(request.method()), APP_URL + request.path(), context);
        request.headers().forEach(builder::header);
        if (!request.rawQuery().isEmpty()) {
            for (String pair : request.rawQuery().split("&")) {
                int equals = pair.indexOf('=');
                builder.parameter(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8));
            }
        }
        if (request.body() != null && contentLength) {
            builder.header("Content-Length", Integer.toString(request.body().length));
        }
        HttpRequestMessage<Optional<byte[]>> message = builder.body(Optional.ofNullable(request.body())).build();
        HttpResponseMessage response = trigger.apply(message, new Invocation(functionName));
        return new ContractResponse(response.getStatusCode(), headers(response), bytes(response.getBody()));
    }

    private static Map<String, String> headers(HttpResponseMessage response) {
        Map<String, String> headers = new HashMap<>();
        if (response instanceof HttpHeaders all) {
            for (String name : all.names()) {
                headers.put(name, String.join(",", all.getAll(name)));
            }
        }
        return headers;
    }

    private static byte[] bytes(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(UTF_8);
        }
        throw new IllegalStateException("the function answered a body of type " + body.getClass().getName()
                + ", which the Functions host cannot send");
    }

    private record Invocation(String functionName) implements ExecutionContext {

        @Override
        public Logger getLogger() {
            return Logger.getLogger(AzureTransport.class.getName());
        }

        @Override
        public String getInvocationId() {
            return UUID.randomUUID().toString();
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }
    }
}
