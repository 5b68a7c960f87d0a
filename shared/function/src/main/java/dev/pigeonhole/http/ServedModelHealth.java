package dev.pigeonhole.http;

import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/** The answer of {@code GET /health} in every function: 200 with the served version, or 503 with why no model is loaded. */
@Singleton
public final class ServedModelHealth {

    private final CurrentModel current;

    public ServedModelHealth(CurrentModel current) {
        this.current = current;
    }

    public HttpResponse<HealthResponse> answer() {
        ServedModel served = current.get();
        return served.version()
                .map(version -> HttpResponse.ok(HealthResponse.serving(version)))
                .orElseGet(() -> HttpResponse.<HealthResponse>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(HealthResponse.unavailable(served.unavailableReason().orElse("no model loaded"))));
    }
}
