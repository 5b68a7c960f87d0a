package dev.pigeonhole.feedback;

import dev.pigeonhole.store.StoreException;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;

/** Encodes and decodes the feedback documents of the store, naming the key of anything unreadable. */
final class FeedbackJson {

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private FeedbackJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName() + " as JSON: " + e, e);
        }
    }

    static <T> T read(String key, byte[] json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new IOException("the document is JSON null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new StoreException(key + " is not a readable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
