package dev.pigeonhole.predict;

import dev.pigeonhole.access.AccessGate;
import dev.pigeonhole.access.Caller;
import dev.pigeonhole.access.TokenBuckets;
import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Predictions ({@code /predict}, {@code /predict/batch}, {@code /upload}) take an optional API key, required when
 * {@code pigeonhole.predict.require-api-key} is set, and each source address gets its own rate limit. Health, the
 * manifest, the web page and its settings stay open. Runs before the body-size filter: a caller who may not call
 * learns that first.
 */
@ServerFilter({"/predict", "/predict/**", "/upload"})
public final class PredictAccessFilter implements Ordered {

    private final AccessGate gate;
    private final boolean keyRequired;
    private final TokenBuckets perAddress;

    public PredictAccessFilter(AccessGate gate, PredictAccessConfiguration configuration) {
        this.gate = gate;
        this.keyRequired = configuration.requireApiKey();
        this.perAddress = gate.limiter(configuration.rateLimit());
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> admit(HttpRequest<?> request) {
        HttpResponse<ErrorResponse> refused = gate.admit(request, keyRequired, "prediction");
        if (refused != null) {
            return refused;
        }
        return Caller.of(request)
                .map(caller -> AccessGate.limit(perAddress, caller.address(), "prediction"))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
