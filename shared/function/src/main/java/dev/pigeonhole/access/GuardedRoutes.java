package dev.pigeonhole.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

import java.util.Optional;

/**
 * Tells the access filters which requests they guard: those the router matched to a route of a controller not marked
 * {@link OpenAccess}, however the path was spelt. A request that matched no route reaches no controller: the router
 * answers it 404, 405 or 415 (or serves a static file to a GET).
 */
public final class GuardedRoutes {

    private GuardedRoutes() {
    }

    /** The controller class of the guarded route {@code request} matched, or empty when it needs no guard. */
    public static Optional<Class<?>> controllerOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(route -> !route.isErrorRoute())
                .map(RouteInfo::getDeclaringType)
                .filter(type -> !type.isAnnotationPresent(OpenAccess.class));
    }
}
