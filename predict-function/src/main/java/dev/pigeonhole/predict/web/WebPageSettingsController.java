package dev.pigeonhole.predict.web;

import dev.pigeonhole.access.OpenAccess;
import dev.pigeonhole.predict.UploadLimits;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
        String feedbackUrl = configuration.feedbackUrlFor(scheme, request.getHeaders().get(HttpHeaders.HOST));
        // A handed-out key is as public as the page; no-store at least keeps it out of shared caches after a rotation.
        return HttpResponse.ok(new WebPageSettings(feedbackUrl, uploadLimits.maxBytes(), configuration.pageApiKey()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
