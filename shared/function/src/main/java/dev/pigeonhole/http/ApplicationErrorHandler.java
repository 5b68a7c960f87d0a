package dev.pigeonhole.http;

import dev.pigeonhole.access.AccessGate;
import dev.pigeonhole.documents.DocumentException;
import dev.pigeonhole.model.tabular.InvalidFeaturesException;
import dev.pigeonhole.serving.ModelUnavailableException;
import dev.pigeonhole.serving.WrongModelKindException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request can raise into the JSON error body with its status. Exceptions the
 * framework has its own handler for (bad JSON, oversized bodies ...) reach {@link JsonErrorResponseProcessor} instead.
 */
@Singleton
@Produces
public final class ApplicationErrorHandler implements ExceptionHandler<Exception, HttpResponse<ErrorResponse>> {

    /** Said for failures the client cannot fix; the details stay in the log. */
    public static final String INTERNAL_ERROR_MESSAGE = "internal error while handling the request; it was logged, please retry later";

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationErrorHandler.class);

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, Exception exception) {
        if (exception instanceof RequestRejectedException rejected) {
            MutableHttpResponse<ErrorResponse> response = answer(rejected.status(), rejected.getMessage());
            if (rejected.status() == HttpStatus.UNAUTHORIZED) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, AccessGate.CHALLENGE);
            }
            return response;
        }
        if (exception instanceof DocumentException document) {
            return answer(statusOf(document.reason()), document.getMessage());
        }
        if (exception instanceof WrongModelKindException || exception instanceof InvalidFeaturesException) {
            return answer(HttpStatus.BAD_REQUEST, exception.getMessage());
        }
        if (exception instanceof ModelUnavailableException unavailable) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "no model is loaded: " + unavailable.getMessage());
        }
        // The exception, not the request body: a document's text must not reach the log.
        LOG.error("unexpected failure on {} {}", request.getMethodName(), request.getPath(), exception);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE);
    }

    static HttpStatus statusOf(DocumentException.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNREADABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static MutableHttpResponse<ErrorResponse> answer(HttpStatus status, String message) {
        return HttpResponse.<ErrorResponse>status(status).body(ErrorResponse.of(message));
    }
}
