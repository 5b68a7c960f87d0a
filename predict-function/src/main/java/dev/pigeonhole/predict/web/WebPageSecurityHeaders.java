package dev.pigeonhole.predict.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;

/**
 * Content-Security-Policy of the web page: its own scripts, styles and images only, no inline
 * code, and network calls only to this function and the feedback endpoint.
 */
@ServerFilter({"/", "/index.html"})
public final class WebPageSecurityHeaders {

    private final WebPageConfiguration configuration;

    public WebPageSecurityHeaders(WebPageConfiguration configuration) {
        this.configuration = configuration;
    }

    @ResponseFilter
    public void addPolicy(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != 200) {
            return;
        }
        String scheme = request.isSecure() ? "https" : "http";
        URI feedback = URI.create(configuration.feedbackUrlFor(scheme, request.getHeaders().get(HttpHeaders.HOST)));
        String feedbackOrigin = feedback.getScheme() + "://" + feedback.getRawAuthority();
        response.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; connect-src 'self' " + feedbackOrigin
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        response.header("X-Content-Type-Options", "nosniff");
    }
}
