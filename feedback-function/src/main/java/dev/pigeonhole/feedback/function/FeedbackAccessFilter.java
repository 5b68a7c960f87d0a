package dev.pigeonhole.feedback.function;

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

/**
 * Every guarded route ({@code POST /feedback} and {@code POST /feedback/batch}, however their paths are spelt) needs an
 * API key (a feedback retrains the model), and each client gets its own rate limit, one token per request (a batch is
 * one request). Decided by the route the request matched ({@link GuardedRoutes}),
 * not by a path pattern. Runs in the security phase, after CORS, so that refusals reach a browser page with their CORS
 * headers.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Context // built at start-up: a rate limit that makes no sense stops the function, not its first request
public final class FeedbackAccessFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackAccessFilter.class);

    private final AccessGate gate;
    private final TokenBuckets perClient;

    public FeedbackAccessFilter(AccessGate gate, FeedbackConfiguration configuration) {
        this.gate = gate;
        this.perClient = gate.limiter(configuration.rateLimit());
        if (!gate.hasKeys()) {
            LOG.warn("no API keys configured (PIGEONHOLE_API_KEYS): POST /feedback refuses every request; "
                    + "create one with ./pigeonhole keys create <client-id>");
        }
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorResponse> admit(HttpRequest<?> request) {
        if (GuardedRoutes.controllerOf(request).isEmpty()) {
            return null;
        }
        HttpResponse<ErrorResponse> refused = gate.admit(request, true, "feedback");
        if (refused != null) {
            return refused;
        }
        return Caller.of(request)
                .map(caller -> AccessGate.limit(perClient, caller.clientId(), "feedback"))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
