package dev.pigeonhole.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ways a client can spell a path that a router may or may not take for it, each of which must meet the same
 * access check as the path itself: a trailing slash, a doubled slash, a dot segment, another case, a matrix
 * parameter, an encoded slash and a query.
 */
public final class PathSpellings {

    /** The methods tried on each spelling: the route's own, and the two a client may send without a body. */
    public static final List<String> METHODS = List.of("POST", "HEAD", "OPTIONS");

    /** What a request without a key may get on any spelling: refused, not found, or not allowed. */
    public static final Set<Integer> REFUSALS = Set.of(401, 404, 405);

    private PathSpellings() {
    }

    /** The spellings of {@code path} (e.g. "/feedback"), the path itself not included. */
    public static List<String> of(String path) {
        String name = path.substring(1);
        return List.of(path + "/", "/" + path, path + "/.", "/" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                path + ";x=1", path + "%2F", path + "?x=1");
    }

    /** {@code request} sent as {@code method} (a POST keeps its body, HEAD and OPTIONS go without). */
    public static ContractRequest as(String method, ContractRequest request) {
        return method.equals("POST") ? request
                : new ContractRequest(method, request.path(), Map.of(), null);
    }

    /**
     * Fails (AssertionError) unless {@code response} to {@code method} refuses with one of {@link #REFUSALS} and,
     * where an answer has a body (not HEAD), the JSON error body.
     */
    public static void assertRefused(String method, String path, ContractResponse response) {
        String what = method + " " + path + " answered " + response.status() + " " + response.text();
        require(REFUSALS.contains(response.status()), what);
        if (method.equals("HEAD")) {
            return;
        }
        String contentType = response.header("content-type");
        require(contentType != null && contentType.startsWith("application/json"), what + " as " + contentType);
        Map<String, Object> body = response.json();
        require("error".equals(body.get("status")) && body.get("message") instanceof String message && !message.isBlank(),
                what);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("not refused with a JSON error: " + what);
        }
    }
}
