package dev.pigeonhole.predict;

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
 * Refuses bodies over their route's limit with 413 before they are read, on every runtime and whatever the path's
 * spelling: an upload may carry {@code pigeonhole.upload.max-bytes} plus the multipart envelope, every other request
 * {@code pigeonhole.predict.max-body-bytes}. The server-wide limit (Netty's) is the upload's; the Lambda and Azure
 * Functions adapters have none.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class PredictBodyLimitFilter {

    /** What a multipart body may carry beyond the document: boundaries, part headers, the file name. */
    static final long MULTIPART_ENVELOPE_BYTES = 65_536;

    private final PredictLimits limits;
    private final UploadLimits uploadLimits;

    public PredictBodyLimitFilter(PredictLimits limits, UploadLimits uploadLimits) {
        this.limits = limits;
        this.uploadLimits = uploadLimits;
    }

    static String tooLargeMessage(long maxBodyBytes) {
        return "the request body is larger than the limit of " + maxBodyBytes
                + " bytes for JSON predictions: send shorter texts, fewer per batch, or upload the document to /upload";
    }

    static String uploadTooLargeMessage(long maxBytes) {
        return "the document is larger than the upload limit of " + maxBytes + " bytes: send a smaller file";
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> rejectOversizedBody(HttpRequest<?> request) {
        long length = RequestBodyLength.of(request);
        boolean upload = GuardedRoutes.controllerOf(request).filter(UploadController.class::equals).isPresent();
        if (upload && length > uploadLimits.maxBytes() + MULTIPART_ENVELOPE_BYTES) {
            return tooLarge(uploadTooLargeMessage(uploadLimits.maxBytes()));
        }
        if (!upload && length > limits.maxBodyBytes()) {
            return tooLarge(tooLargeMessage(limits.maxBodyBytes()));
        }
        return null;
    }

    private static HttpResponse<ErrorResponse> tooLarge(String message) {
        return HttpResponse.<ErrorResponse>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ErrorResponse.of(message));
    }
}
