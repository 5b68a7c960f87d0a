package dev.pigeonhole.feedback.function;

import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.cors.CorsFilter;
import java.util.List;

/**
 * Answers 403 to a CORS preflight from an origin that is not allowed. Micronaut's {@link CorsFilter} answers
 * the allowed ones; the others would otherwise get 403 only on localhost (its drive-by-localhost guard) and
 * 405 in the cloud, where no route takes OPTIONS.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ForeignPreflightFilter {

    private final List<String> allowedOrigins;

    public ForeignPreflightFilter(@Value("${pigeonhole.feedback.allowed-origins}") List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    @PreMatching
    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> refuseForeignPreflight(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        boolean preflight = request.getMethod() == HttpMethod.OPTIONS && origin != null
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (!preflight || allowedOrigins.contains(origin)) {
            return null;
        }
        return HttpResponse.<ErrorResponse>status(HttpStatus.FORBIDDEN).body(ErrorResponse.of("origin " + origin
                + " may not call this function: add it to PIGEONHOLE_FEEDBACK_ALLOWED_ORIGINS"));
    }
}
