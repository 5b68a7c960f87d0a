package dev.pigeonhole.store;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;

/** Reads and writes the store's JSON documents with Micronaut Serde. */
final class JsonCodec {

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private JsonCodec() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName() + " as JSON: " + e, e);
        }
    }

    static <T> T read(byte[] json, Class<T> type) throws IOException {
        T value = MAPPER.readValue(json, type);
        if (value == null) {
            throw new IOException("the document is JSON null, not a " + type.getSimpleName());
        }
        return value;
    }
}
