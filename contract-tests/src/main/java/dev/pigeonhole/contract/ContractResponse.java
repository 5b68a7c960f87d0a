package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** An HTTP response as the contract suites check it: status, headers (lower-case names) and body bytes. */
public record ContractResponse(int status, Map<String, String> headers, byte[] body) {

    public ContractResponse {
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach((name, value) -> lowerCase.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b));
        headers = Map.copyOf(lowerCase);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
        return new String(body, UTF_8);
    }

    /** The body as a JSON object. */
    public Map<String, Object> json() {
        try {
            return ObjectMapper.getDefault().readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + text(), e);
        }
    }
}
