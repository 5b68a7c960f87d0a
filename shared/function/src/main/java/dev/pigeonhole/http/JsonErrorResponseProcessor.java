package dev.pigeonhole.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import jakarta.inject.Singleton;

/**
 * Writes the errors the framework itself produces (unknown route, wrong method or content type, bad
 * JSON, oversized body ...) as {@code {"status":"error","message":"..."}} instead of Micronaut's default body,
 * with the hints of the function's {@link EndpointGuide}.
 */
@Singleton
public final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorResponse> {

    private final EndpointGuide guide;

    public JsonErrorResponseProcessor(EndpointGuide guide) {
        this.guide = guide;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ErrorResponse> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (request.getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ErrorResponse>) response;
        }
        if (response.code() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()) {
            // Netty stops reading an oversized body but would keep the connection: a client still
            // sending it would stall, and one reusing the connection would wait forever. Close it.
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(ErrorResponse.of(message(context, response)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private String message(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        String path = request.getPath();
        int code = response.code();
        if (code >= 500) {
            // Framework 500s carry exception messages; those are for the log, not for clients.
            return ApplicationErrorHandler.INTERNAL_ERROR_MESSAGE;
        }
        return switch (code) {
            case 404 -> "no endpoint at " + request.getMethodName() + " " + path + "; the endpoints are " + guide.endpoints();
            case 405 -> "method " + request.getMethodName() + " is not allowed on " + path
                    + response.getHeaders().get(HttpHeaders.ALLOW, String.class).map(allow -> "; use " + allow).orElse("");
            case 415 -> "content type '" + contentType(context, request) + "' is not accepted on " + path + "; send "
                    + guide.acceptedContent(path);
            case 413 -> guide.tooLargeMessage(path).orElseGet(() -> "the request body is too large: " + detail(context));
            case 400 -> unreadableBody(context, path);
            default -> detail(context);
        };
    }

    private String unreadableBody(ErrorContext context, String path) {
        Throwable cause = context.getRootCause().orElse(null);
        JsonProcessingException json = jsonCause(cause);
        if (json != null) {
            JsonLocation at = json.getLocation();
            return "malformed JSON body: " + json.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        // Netty reports a missing body and a body of the wrong shape with its own exceptions; the servlet
        // adapters of Lambda and Azure Functions wrap the decoder's failure in a CodecException.
        if (cause instanceof UnsatisfiedBodyRouteException
                || (hasCause(cause, CodecException.class) && context.getRequest().getContentLength() <= 0)) {
            return "the request has no JSON body: send " + guide.exampleBody(path);
        }
        if (cause instanceof ConversionErrorException || hasCause(cause, SerdeException.class)) {
            // Its message names Java classes; the client needs the expected shape instead.
            return "the JSON body does not have the expected shape: send " + guide.exampleBody(path);
        }
        return detail(context);
    }

    private static boolean hasCause(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static JsonProcessingException jsonCause(Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    private static String contentType(ErrorContext context, HttpRequest<?> request) {
        return context.getRootCause()
                .filter(UnsupportedMediaException.class::isInstance)
                .map(cause -> ((UnsupportedMediaException) cause).getContentType())
                .or(() -> request.getContentType().map(MediaType::toString))
                .orElse("none");
    }

    private static String detail(ErrorContext context) {
        return context.getErrors().stream().map(Error::getMessage).findFirst()
                .or(() -> context.getRootCause().map(Throwable::getMessage))
                .orElse("the request could not be processed");
    }
}
