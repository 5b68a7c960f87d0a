package dev.pigeonhole.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose routes anyone may call without a key and without a rate limit (health, the manifest, the
 * web page's settings). Every other route is guarded: the access filters decide by the route a request matched, not
 * by its path, so no spelling of a path ({@code /feedback/}, {@code /feedback%2F} ...) reaches a guarded route
 * unchecked, and a new controller is guarded until it is marked open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenAccess {
}
