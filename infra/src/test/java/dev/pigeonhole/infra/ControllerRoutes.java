package dev.pigeonhole.infra;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The routes ("GET /model/report/{}") a function's controllers declare, read from their annotations by reflection. */
final class ControllerRoutes {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(Get.class, "GET", Post.class, "POST",
            Put.class, "PUT", Delete.class, "DELETE", Patch.class, "PATCH", Options.class, "OPTIONS", Head.class, "HEAD");

    private ControllerRoutes() {
    }

    /** Every route of the controllers in the anchors' packages (and below), path variables written {}. */
    static Set<String> of(Class<?>... anchors) {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : ClassScan.classesOf(anchors)) {
            Controller controller = type.getAnnotation(Controller.class);
            if (controller == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    String verb = METHODS.get(annotation.annotationType());
                    if (verb != null) {
                        routes.add(verb + " " + normalise(join(controller.value(), uriOf(annotation))));
                    }
                }
            }
        }
        return routes;
    }

    /** "{name}", "{proxy+}" and "{*route}" all become "{}", and a trailing "/" goes, so gateways and code compare. */
    static String normalise(String path) {
        String normalised = path.replaceAll("\\{[^}]*}", "{}");
        return normalised.length() > 1 && normalised.endsWith("/") ? normalised.substring(0, normalised.length() - 1)
                : normalised;
    }

    private static String uriOf(Annotation annotation) {
        try {
            String value = (String) annotation.annotationType().getMethod("value").invoke(annotation);
            String uri = (String) annotation.annotationType().getMethod("uri").invoke(annotation);
            return "/".equals(value) ? uri : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String base, String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return base;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path);
    }
}
