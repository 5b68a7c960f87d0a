package dev.pigeonhole.predict;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Issues prediction ids: random version-4 UUIDs that no one can guess from the ids they have seen, so that nobody can
 * send feedback on a prediction made for someone else.
 */
@Singleton
public final class PredictionIds {

    // One generator per thread: the JDK's shared one (UUID.randomUUID) would serialise concurrent requests.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PredictionIds::newGenerator);

    /** A new id. */
    public String next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    // A deterministic random bit generator (NIST SP 800-90A) seeded from the system, without the process-wide lock
    // that NativePRNG takes on every call.
    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
