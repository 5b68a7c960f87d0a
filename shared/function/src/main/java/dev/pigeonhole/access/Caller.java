package dev.pigeonhole.access;

import dev.pigeonhole.http.RequestRejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

import java.util.Optional;

/**
 * Who sent a request, as the access filters found: the client id of its API key, if any, and its source address, if
 * the runtime tells it (see {@link CallerAddress}).
 */
public record Caller(@Nullable String clientId, @Nullable String address) {

    /** The request attribute the access filters store the caller under, for the controllers. */
    public static final String ATTRIBUTE = "pigeonhole.caller";

    /** The caller the access filter admitted {@code request} as, if one ran. */
    public static Optional<Caller> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class);
    }

    /**
     * The client id of the key {@code request} was admitted with, else 401: whatever route or filter let a request
     * through, an endpoint that needs a key ({@code what}, e.g. "feedback") refuses it without one.
     */
    public static String requireClientId(HttpRequest<?> request, String what) {
        return of(request).map(Caller::clientId).orElseThrow(() ->
                new RequestRejectedException(HttpStatus.UNAUTHORIZED, AccessGate.keyNeededMessage(what)));
    }
}
