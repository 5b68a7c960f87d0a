package dev.pigeonhole.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

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
}
