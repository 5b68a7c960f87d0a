package dev.pigeonhole.predict;

import dev.pigeonhole.access.OpenAccess;
import dev.pigeonhole.http.HealthResponse;
import dev.pigeonhole.http.ServedModelHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

/** {@code GET /health}: 200 with the served version, or 503 with why no model is loaded. */
@OpenAccess
@Controller("/health")
public final class HealthController {

    private final ServedModelHealth health;

    public HealthController(ServedModelHealth health) {
        this.health = health;
    }

    /**
     * Whether a model is loaded.
     *
     * @return 200 with the served version, 503 with the reason
     */
    @Get
    @Operation(summary = "Whether a model is loaded, and which version")
    public HttpResponse<HealthResponse> health() {
        return health.answer();
    }
}
