package dev.pigeonhole.access;

import dev.pigeonhole.http.ErrorResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Admits or refuses a request by its {@code X-API-Key} and its caller's rate limit, whatever carries it (Netty, the
 * AWS Lambda handler, the Azure Functions harness): 401 without a key where one is required, 403 with a key that is
 * not configured, 429 with {@code Retry-After} over the limit, 503 where a key is required but none is configured.
 * The functions' filters say which routes need what ({@link GuardedRoutes}); an admitted request carries its
 * {@link Caller}.
 */
@Context // built at start-up, so that a malformed PIGEONHOLE_API_KEYS stops the function at once, not on a request
public final class AccessGate {

    /** The header that carries a caller's API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    /** The {@code WWW-Authenticate} challenge of every 401: where to send the key. */
    public static final String CHALLENGE = "ApiKey header=\"" + API_KEY_HEADER + "\"";

    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);

    private final ApiKeys keys;
    private final CallerAddress addresses;
    private final int trackedCallers;

    public AccessGate(AccessConfiguration configuration) {
        this.keys = ApiKeys.parse(configuration.apiKeys());
        this.addresses = new CallerAddress(configuration.forwardedForHops());
        this.trackedCallers = configuration.trackedCallers();
        if (ApiKeys.isUnresolvedReference(configuration.apiKeys())) {
            LOG.warn("PIGEONHOLE_API_KEYS is a Key Vault reference the platform could not resolve (no secret yet, or "
                    + "no access to it): no key is accepted until the secret is set and the app restarted");
        }
        LOG.info("{} API key(s) configured", keys.size());
    }

    /** The rate limiter a function's filter keeps for one kind of request. */
    public TokenBuckets limiter(RateLimit limit) {
        return new TokenBuckets(limit, trackedCallers);
    }

    /** True when at least one key is configured. */
    public boolean hasKeys() {
        return !keys.isEmpty();
    }

    /**
     * Checks the key of {@code request} and stores its {@link Caller}: null to let it through, else the refusal.
     * CORS preflights pass (browsers send no custom header with them); the CORS filter answers them.
     *
     * @param keyRequired whether a request without a key is refused
     * @param what what the endpoint does, for the messages, e.g. "feedback"
     */
    @Nullable
    public MutableHttpResponse<ErrorResponse> admit(HttpRequest<?> request, boolean keyRequired, String what) {
        if (request.getMethod() == HttpMethod.OPTIONS) {
            return null;
        }
        String presented = request.getHeaders().get(API_KEY_HEADER);
        String clientId = null;
        if (presented != null && !presented.isBlank()) {
            clientId = keys.clientOf(presented.strip()).orElse(null);
            if (clientId == null) {
                return refuse(HttpStatus.FORBIDDEN, "the " + API_KEY_HEADER + " header holds no valid key for " + what
                        + ": check the key, or ask for a new one if it was rotated");
            }
        } else if (keyRequired) {
            if (keys.isEmpty()) {
                return refuse(HttpStatus.SERVICE_UNAVAILABLE, what + " is closed: no API keys are configured on this "
                        + "function (PIGEONHOLE_API_KEYS); its operator creates one with ./pigeonhole keys create <client-id>");
            }
            return refuse(HttpStatus.UNAUTHORIZED, keyNeededMessage(what));
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(clientId, addresses.of(request)));
        return null;
    }

    /**
     * Takes a token for {@code caller} from {@code limiter}: null to let the request through, else a 429 with
     * {@code Retry-After}.
     */
    @Nullable
    public static MutableHttpResponse<ErrorResponse> limit(TokenBuckets limiter, String caller, String what) {
        long retryAfter = limiter.take(caller);
        if (retryAfter == 0) {
            return null;
        }
        return refuse(HttpStatus.TOO_MANY_REQUESTS, String.format(Locale.ROOT,
                "too many %s requests from this caller: retry in %d s", what, retryAfter))
                .header("Retry-After", Long.toString(retryAfter));
    }

    /** The 401 message for {@code what} (e.g. "feedback") sent without a key. */
    public static String keyNeededMessage(String what) {
        return what + " needs an API key: send it in the " + API_KEY_HEADER + " header";
    }

    private static MutableHttpResponse<ErrorResponse> refuse(HttpStatus status, String message) {
        MutableHttpResponse<ErrorResponse> response = HttpResponse.<ErrorResponse>status(status).body(ErrorResponse.of(message));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response;
    }
}
