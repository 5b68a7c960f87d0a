package dev.pigeonhole.predict;

import dev.pigeonhole.access.AccessGate;
import dev.pigeonhole.access.Caller;
import dev.pigeonhole.access.GuardedRoutes;
import dev.pigeonhole.access.TokenBuckets;
import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every guarded route (predictions and uploads, however their paths are spelt: {@link GuardedRoutes}) takes an
 * optional API key, required when {@code pigeonhole.predict.require-api-key} is set, and each source address gets its
 * own rate limit: one for JSON predictions, a lower one for uploads. Health, the manifest, the web page and its
 * settings stay open. Runs in the security phase, after CORS.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Context // built at start-up: a rate limit that makes no sense stops the function, not its first request
public final class PredictAccessFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PredictAccessFilter.class);

    private final AtomicBoolean warnedOfNoAddress = new AtomicBoolean();
    private final AccessGate gate;
    private final boolean keyRequired;
    private final TokenBuckets perAddress;
    private final TokenBuckets uploadsPerAddress;

    public PredictAccessFilter(AccessGate gate, PredictAccessConfiguration configuration) {
        this.gate = gate;
        this.keyRequired = configuration.requireApiKey();
        this.perAddress = gate.limiter(configuration.rateLimit());
        this.uploadsPerAddress = gate.limiter(configuration.uploadRateLimit());
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> admit(HttpRequest<?> request) {
        Optional<Class<?>> controller = GuardedRoutes.controllerOf(request);
        if (controller.isEmpty()) {
            return null;
        }
        HttpResponse<ErrorResponse> refused = gate.admit(request, keyRequired, "prediction");
        if (refused != null) {
            return refused;
        }
        boolean upload = controller.get() == UploadController.class;
        TokenBuckets limiter = upload ? uploadsPerAddress : perAddress;
        String address = Caller.of(request).map(Caller::address).orElse(null);
        if (address == null) {
            // One bucket for every caller would throttle the whole service: no limit rather than a global one.
            if (!limiter.disabled() && warnedOfNoAddress.compareAndSet(false, true)) {
                LOG.warn("this runtime tells no client address: predictions are not rate-limited; set "
                        + "PIGEONHOLE_FORWARDED_FOR_HOPS=1 behind API Gateway or the Azure Functions front end");
            }
            return null;
        }
        return AccessGate.limit(limiter, address, upload ? "upload" : "prediction");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
