package dev.pigeonhole.contract;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries contract requests to the embedded Netty server as raw bytes over a real socket (the JDK
 * client: it sends any body and header as given, multipart included, and follows no redirects).
 */
public final class NettyTransport {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    public NettyTransport(EmbeddedServer server) {
        this.base = server.getURI();
    }

    public ContractResponse send(ContractRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        return send(request, body);
    }

    /** As {@link #send(ContractRequest)}, with the body sent in chunks, without a Content-Length. */
    public ContractResponse sendWithoutContentLength(ContractRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        return send(request, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    private ContractResponse send(ContractRequest request, HttpRequest.BodyPublisher body) {
        // Appended, not resolved: resolving would normalise spellings such as //feedback or /feedback/. away.
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base.getScheme() + "://" + base.getRawAuthority()
                        + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), body);
        request.headers().forEach(http::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
            return new ContractResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
