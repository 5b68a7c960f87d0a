package dev.pigeonhole.feedback.function;

import dev.pigeonhole.access.GuardedRoutes;
import dev.pigeonhole.http.ErrorResponse;
import dev.pigeonhole.http.RequestBodyLength;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses bodies over {@code pigeonhole.feedback.max-body-bytes} with 413 before they are parsed (a batch of feedback
 * included: the same limit for one or 500 corrections), on every route and
 * every runtime: Netty also enforces it as its request size limit, the Lambda and Azure Functions adapters do not.
 * Every path, since a path pattern would miss spellings the router accepts ({@code /feedback/}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class FeedbackBodyLimitFilter {

    private final FeedbackConfiguration configuration;

    public FeedbackBodyLimitFilter(FeedbackConfiguration configuration) {
        this.configuration = configuration;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> rejectOversizedBody(HttpRequest<?> request) {
        if (RequestBodyLength.of(request) > configuration.maxBodyBytes()) {
            // The message by the route matched, not by the path: every spelling of the batch path gets the batch's.
            boolean batch = GuardedRoutes.controllerOf(request).filter(FeedbackBatchController.class::equals).isPresent();
            return HttpResponse.<ErrorResponse>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(ErrorResponse.of(batch ? FeedbackEndpointGuide.batchTooLargeMessage(configuration.maxBodyBytes())
                            : FeedbackEndpointGuide.tooLargeMessage(configuration.maxBodyBytes())));
        }
        return null;
    }
}
