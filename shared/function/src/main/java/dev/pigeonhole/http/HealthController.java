package dev.pigeonhole.http;

import dev.pigeonhole.access.OpenAccess;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /health} of both functions: 200 with the served version, or 503 with why no model is loaded. Each
 * function's application class names it in {@code @OpenAPIInclude}, so its OpenAPI document lists it.
 */
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
    @Operation(summary = "Whether a model is loaded, and which version",
            description = "200 with the served version; 503 with the reason when no model is loaded.")
    public HttpResponse<HealthResponse> health() {
        return health.answer();
    }
}
