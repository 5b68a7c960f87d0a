package dev.pigeonhole.predict;

import dev.pigeonhole.predict.api.HealthResponse;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

/** {@code GET /health}: 200 with the served version, or 503 with why no model is loaded. */
@Controller("/health")
public final class HealthController {

    private final ServedModel served;

    public HealthController(ServedModel served) {
        this.served = served;
    }

    /**
     * Whether a model is loaded.
     *
     * @return 200 with the served version, 503 with the reason
     */
    @Get
    @Operation(summary = "Whether a model is loaded, and which version")
    public HttpResponse<HealthResponse> health() {
        return served.version()
                .map(version -> HttpResponse.ok(HealthResponse.serving(version)))
                .orElseGet(() -> HttpResponse.<HealthResponse>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(HealthResponse.unavailable(served.unavailableReason().orElse("no model loaded"))));
    }
}
