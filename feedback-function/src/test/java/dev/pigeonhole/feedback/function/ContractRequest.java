package dev.pigeonhole.feedback.function;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP request as the contract suite describes it, independent of the runtime that carries it. */
record ContractRequest(String method, String path, Map<String, String> headers, byte[] body) {

    static ContractRequest get(String path) {
        return new ContractRequest("GET", path, Map.of(), null);
    }

    static ContractRequest postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(UTF_8));
    }

    static ContractRequest post(String path, String contentType, byte[] body) {
        return new ContractRequest("POST", path, Map.of("Content-Type", contentType), body);
    }

    /** A CORS preflight: may a page of {@code origin} POST JSON to {@code path}? */
    static ContractRequest preflight(String path, String origin) {
        return new ContractRequest("OPTIONS", path, Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);
    }

    /** The same request with one more header. */
    ContractRequest with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ContractRequest(method, path, Map.copyOf(more), body);
    }
}
