package dev.pigeonhole.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;

/** How long a request body is before anyone reads it, for the body-limit filters. */
public final class RequestBodyLength {

    private RequestBodyLength() {
    }

    /**
     * The Content-Length, else the length of a body already received whole (-1 when unknown): a chunked request
     * reaches the Lambda and Azure adapters complete but without the header. Netty streams such a body and stops it at
     * its request size limit.
     */
    public static long of(HttpRequest<?> request) {
        long declared = request.getContentLength();
        if (declared < 0 && request instanceof ServerHttpRequest<?> server) {
            return server.byteBody().expectedLength().orElse(-1);
        }
        return declared;
    }
}
