package dev.pigeonhole.azure;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import io.micronaut.http.HttpHeaders;
import java.net.URI;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request whose body the host delivered as bytes, seen as the String-bodied request Micronaut's Azure
 * adapter reads: the body base64-encoded when it has a content type to mark as binary, else as UTF-8 text.
 * Header names are matched whatever their case, as in HTTP. A body over the function's largest request size is
 * neither copied nor encoded: the request goes on without it, its Content-Length set to the length received, so that
 * the body-limit filters answer 413 with their route's message.
 */
final class Base64BodyRequest implements HttpRequestMessage<Optional<String>> {

    private final HttpRequestMessage<Optional<byte[]>> request;
    private final Map<String, String> headers;
    private final boolean base64;
    private final Optional<String> body;

    Base64BodyRequest(HttpRequestMessage<Optional<byte[]>> request, long maxBodyBytes) {
        this.request = request;
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (request.getHeaders() != null) {
            caseless.putAll(request.getHeaders());
        }
        Optional<byte[]> bytes = request.getBody() == null ? Optional.empty() : request.getBody();
        if (bytes.isPresent() && bytes.get().length > maxBodyBytes) {
            caseless.put(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.get().length));
            caseless.remove(HttpHeaders.TRANSFER_ENCODING);
            bytes = Optional.empty();
        }
        this.headers = Collections.unmodifiableMap(caseless);
        this.base64 = bytes.isPresent() && headers.get(HttpHeaders.CONTENT_TYPE) != null;
        this.body = bytes.filter(b -> b.length > 0)
                .map(b -> base64 ? Base64.getEncoder().encodeToString(b) : new String(b, UTF_8));
    }

    /** Whether {@link #getBody()} is base64 rather than text. */
    boolean isBase64() {
        return base64 && body.isPresent();
    }

    @Override
    public URI getUri() {
        return request.getUri();
    }

    @Override
    public HttpMethod getHttpMethod() {
        return request.getHttpMethod();
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return request.getQueryParameters() == null ? Map.of() : request.getQueryParameters();
    }

    @Override
    public Optional<String> getBody() {
        return body;
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return request.createResponseBuilder(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return request.createResponseBuilder(status);
    }
}
