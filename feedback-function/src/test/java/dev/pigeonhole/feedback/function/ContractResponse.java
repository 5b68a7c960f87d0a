package dev.pigeonhole.feedback.function;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** An HTTP response as the contract suite checks it: status, headers (lower-case names) and body bytes. */
record ContractResponse(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
        return new String(body, UTF_8);
    }

    /** The body as a JSON object. */
    Map<String, Object> json() {
        try {
            return ObjectMapper.getDefault().readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + text(), e);
        }
    }
}
