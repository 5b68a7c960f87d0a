package dev.pigeonhole.predict;

import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Issues prediction ids: random version-4 UUIDs. */
@Singleton
public final class PredictionIds {

    /**
     * A new id. Ids must be unique, not secret, so a thread-local generator serves instead of
     * {@link UUID#randomUUID()}, whose shared SecureRandom would serialise concurrent requests.
     */
    public String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
