package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the contract suites describe it, independent of the runtime that carries it.
 * {@code path} may hold a query string; {@code headers} keep the case they were given in.
 */
public record ContractRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public ContractRequest {
        headers = Map.copyOf(headers);
    }

    public static ContractRequest get(String path) {
        return new ContractRequest("GET", path, Map.of(), null);
    }

    public static ContractRequest postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(UTF_8));
    }

    public static ContractRequest post(String path, String contentType, byte[] body) {
        return new ContractRequest("POST", path, Map.of("Content-Type", contentType), body);
    }

    /** A multipart/form-data POST to /upload with one file part named {@code field}. */
    public static ContractRequest upload(String field, String filename, String partType, byte[] content) {
        String boundary = "pigeonhole-contract-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        return post("/upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A CORS preflight: may a page of {@code origin} POST JSON to {@code path}? */
    public static ContractRequest preflight(String path, String origin) {
        return new ContractRequest("OPTIONS", path, Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);
    }

    /** The same request with one more header (replacing one of the same name). */
    public ContractRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>();
        headers.forEach((key, existing) -> {
            if (!key.equalsIgnoreCase(name)) {
                more.put(key, existing);
            }
        });
        more.put(name, value);
        return new ContractRequest(method, path, more, body);
    }

    /** The same request to another path (and query). */
    public ContractRequest withPath(String otherPath) {
        return new ContractRequest(method, otherPath, headers, body);
    }

    /** The value of header {@code name}, whatever its case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The path without its query string. */
    public String rawPath() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The query string without its '?', empty when there is none. */
    public String rawQuery() {
        int query = path.indexOf('?');
        return query < 0 ? "" : path.substring(query + 1);
    }
}
