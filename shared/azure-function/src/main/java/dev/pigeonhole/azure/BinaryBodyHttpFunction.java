package dev.pigeonhole.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.micronaut.azure.function.http.AzureFunctionHttpRequest;
import io.micronaut.azure.function.http.AzureFunctionHttpResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.BinaryTypeConfiguration;
import io.micronaut.http.HttpHeaders;
import io.micronaut.azure.function.http.AzureHttpFunction;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletExchange;
import java.util.List;
import java.util.Optional;

/**
 * An Azure Functions HTTP entry point that receives request bodies as bytes and routes them to the
 * application's controllers, so documents and multipart uploads arrive intact.
 */
public abstract class BinaryBodyHttpFunction extends AzureHttpFunction {

    // AzureHttpFunction.route takes the body as a String, which the Functions host makes by decoding the
    // bytes as UTF-8: a PDF inside a multipart upload comes out damaged. Our triggers declare
    // dataType "binary" instead, and the bytes reach Micronaut base64-encoded, with a binary-type
    // setting made for this one request that tells it to decode them.

    /** Started by the Functions host: the application context is built the way AzureFunction builds it. */
    protected BinaryBodyHttpFunction() {
        super();
    }

    /** Over a context built from {@code builder} (tests, or embedding). */
    protected BinaryBodyHttpFunction(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Routes {@code request}, whose body the host delivered as bytes, to the controllers. */
    protected HttpResponseMessage routeBytes(HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        Base64BodyRequest encoded = new Base64BodyRequest(request, maxRequestBytes());
        ConversionService conversion = applicationContext.getBean(ConversionService.class);
        AzureFunctionHttpRequest<?> micronautRequest = new AzureFunctionHttpRequest<>(
                encoded,
                new AzureFunctionHttpResponse<>(encoded, conversion, applicationContext.getBean(BinaryTypeConfiguration.class)),
                context,
                conversion,
                bodyIsBase64(encoded),
                applicationContext.getBean(BodyBuilder.class));
        ServletExchange<HttpRequestMessage<Optional<String>>, HttpResponseMessage> exchange =
                httpHandler.exchange(micronautRequest);
        // As AzureHttpFunction.route does: the host sets its own framing.
        exchange.getResponse().getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        return exchange.getResponse().getNativeResponse();
    }

    /**
     * The largest body any route takes ({@code micronaut.server.max-request-size}, Netty's limit too): the host has
     * received a larger one whole, but it is not copied again to be refused.
     */
    private long maxRequestBytes() {
        return applicationContext.getProperty("micronaut.server.max-request-size", Long.class).orElse(Long.MAX_VALUE);
    }

    /** Says "binary" of exactly this request's content type, since its body is base64 now. */
    private static BinaryTypeConfiguration bodyIsBase64(Base64BodyRequest request) {
        BinaryTypeConfiguration types = new BinaryTypeConfiguration();
        types.setUseDefaults(false);
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        types.setAdditionalTypes(contentType == null || !request.isBase64() ? List.of() : List.of(contentType));
        return types;
    }
}
