package dev.pigeonhole.predict.web;

import dev.pigeonhole.access.OpenAccess;
import dev.pigeonhole.predict.UploadLimits;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import dev.pigeonhole.http.RequestRejectedException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/** {@code GET /config.json}: the feedback URL and upload limit the web page at {@code /} works with. */
@OpenAccess
@Controller("/config.json")
@Hidden
public final class WebPageSettingsController {

    private final WebPageConfiguration configuration;
    private final UploadLimits uploadLimits;

    public WebPageSettingsController(WebPageConfiguration configuration, UploadLimits uploadLimits) {
        this.configuration = configuration;
        this.uploadLimits = uploadLimits;
    }

    @Get
    public HttpResponse<WebPageSettings> settings(HttpRequest<?> request) {
        String scheme = request.isSecure() ? "https" : "http";
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (configuration.pageApiKey() != null && !configuration.hostAllowed(host)) {
            // A page of another name that resolves here (DNS rebinding) would read the key from this answer.
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "the page settings are given only to pages "
                    + "loaded from " + String.join(", ", configuration.allowedHosts())
                    + ": open the page by one of those names, or add its host to PIGEONHOLE_WEB_ALLOWED_HOSTS");
        }
        String feedbackUrl = configuration.feedbackUrlFor(scheme, host);
        // A handed-out key is as public as the page; no-store at least keeps it out of shared caches after a rotation.
        return HttpResponse.ok(new WebPageSettings(feedbackUrl, uploadLimits.maxBytes(), configuration.pageApiKey()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
