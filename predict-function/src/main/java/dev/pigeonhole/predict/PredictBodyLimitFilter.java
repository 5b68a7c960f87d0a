package dev.pigeonhole.predict;

import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses JSON prediction bodies over {@code pigeonhole.predict.max-body-bytes} with 413 before they are
 * read; the server-wide limit is larger because uploads share it.
 */
@ServerFilter({"/predict", "/predict/**"})
public final class PredictBodyLimitFilter {

    private final PredictLimits limits;

    public PredictBodyLimitFilter(PredictLimits limits) {
        this.limits = limits;
    }

    static String tooLargeMessage(long maxBodyBytes) {
        return "the request body is larger than the limit of " + maxBodyBytes
                + " bytes for JSON predictions: send shorter texts, fewer per batch, or upload the document to /upload";
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> rejectOversizedBody(HttpRequest<?> request) {
        if (request.getContentLength() > limits.maxBodyBytes()) {
            return HttpResponse.<ErrorResponse>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(ErrorResponse.of(tooLargeMessage(limits.maxBodyBytes())));
        }
        return null;
    }
}
