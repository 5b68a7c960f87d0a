package dev.pigeonhole.feedback.function;

import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses feedback bodies over {@code pigeonhole.feedback.max-body-bytes} with 413 before they are parsed, on
 * every runtime: Netty also enforces it as its request size limit, the Lambda and Azure Functions adapters do not.
 */
@ServerFilter("/feedback")
public final class FeedbackBodyLimitFilter {

    private final FeedbackConfiguration configuration;

    public FeedbackBodyLimitFilter(FeedbackConfiguration configuration) {
        this.configuration = configuration;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> rejectOversizedBody(HttpRequest<?> request) {
        if (length(request) > configuration.maxBodyBytes()) {
            return HttpResponse.<ErrorResponse>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(ErrorResponse.of(FeedbackEndpointGuide.tooLargeMessage(configuration.maxBodyBytes())));
        }
        return null;
    }

    /**
     * The Content-Length, else the length of a body already received whole: a chunked request reaches the Lambda and
     * Azure adapters complete but without the header. Netty streams such a body and stops it at its request size limit.
     */
    private static long length(HttpRequest<?> request) {
        long declared = request.getContentLength();
        if (declared < 0 && request instanceof ServerHttpRequest<?> server) {
            return server.byteBody().expectedLength().orElse(-1);
        }
        return declared;
    }
}
