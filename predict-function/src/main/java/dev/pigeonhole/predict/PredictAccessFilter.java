package dev.pigeonhole.predict;

import dev.pigeonhole.access.AccessGate;
import dev.pigeonhole.access.Caller;
import dev.pigeonhole.access.TokenBuckets;
import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Predictions ({@code /predict}, {@code /predict/batch}, {@code /upload}) take an optional API key, required when
 * {@code pigeonhole.predict.require-api-key} is set, and each source address gets its own rate limit. Health, the
 * manifest, the web page and its settings stay open. Runs in the security phase, after CORS.
 */
@ServerFilter(value = {"/predict", "/predict/**", "/upload"}, methods = HttpMethod.POST)
@Context // built at start-up: a rate limit that makes no sense stops the function, not its first request
public final class PredictAccessFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PredictAccessFilter.class);

    private final AtomicBoolean warnedOfNoAddress = new AtomicBoolean();
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
        String address = Caller.of(request).map(Caller::address).orElse(null);
        if (address == null) {
            // One bucket for every caller would throttle the whole service: no limit rather than a global one.
            if (!perAddress.disabled() && warnedOfNoAddress.compareAndSet(false, true)) {
                LOG.warn("this runtime tells no client address: predictions are not rate-limited; set "
                        + "PIGEONHOLE_FORWARDED_FOR_HOPS=1 behind API Gateway or the Azure Functions front end");
            }
            return null;
        }
        return AccessGate.limit(perAddress, address, "prediction");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
