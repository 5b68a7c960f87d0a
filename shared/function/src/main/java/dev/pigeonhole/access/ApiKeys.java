package dev.pigeonhole.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys callers may present, as configured in {@code PIGEONHOLE_API_KEYS}: comma-separated
 * {@code client-id:sha256-hex-of-key} entries. Only digests are held; a presented key is hashed and compared with
 * every entry in constant time, so neither the configuration nor the comparison time reveals a key.
 */
public final class ApiKeys {

    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private record HashedKey(String clientId, byte[] digest) {
    }

    private final List<HashedKey> keys;

    private ApiKeys(List<HashedKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** No key at all: every caller is unknown. */
    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    /**
     * Parses {@code client-id:sha256-hex, ...}; blank or null means no key, and so does an unresolved Azure Key Vault
     * reference (see {@link #isUnresolvedReference}). An entry that does not parse fails with a message naming its
     * position and what is wrong with it, never its digest.
     */
    public static ApiKeys parse(String spec) {
        if (spec == null || spec.isBlank() || isUnresolvedReference(spec)) {
            return none();
        }
        List<HashedKey> keys = new ArrayList<>();
        Set<String> digests = new LinkedHashSet<>();
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String where = "PIGEONHOLE_API_KEYS entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalArgumentException(where + " has no ':'; write client-id:sha256-hex-of-key "
                        + "(./pigeonhole keys create <client-id> prints one)");
            }
            String clientId = entry.substring(0, colon).strip();
            String digest = entry.substring(colon + 1).strip();
            if (!CLIENT_ID.matcher(clientId).matches()) {
                throw new IllegalArgumentException(where + " has client id '" + clientId
                        + "'; use 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (!SHA256_HEX.matcher(digest).matches()) {
                throw new IllegalArgumentException(where + " (client '" + clientId + "') is not followed by 64 hex "
                        + "digits: configure the SHA-256 of the key, never the key itself");
            }
            if (!digests.add(digest.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(where + " (client '" + clientId + "') repeats the digest of an "
                        + "earlier entry: one key belongs to one client");
            }
            keys.add(new HashedKey(clientId, HexFormat.of().parseHex(digest)));
        }
        return new ApiKeys(keys);
    }

    /**
     * True when {@code spec} is an Azure Key Vault reference the platform could not resolve (the secret does not exist
     * yet, or the app may not read it): App Service then passes the reference itself. The function stays up and closed,
     * as with no keys, instead of refusing to start; setting the secret and restarting the app opens it.
     */
    public static boolean isUnresolvedReference(String spec) {
        return spec != null && spec.strip().startsWith("@Microsoft.KeyVault(");
    }

    /** True when no key is configured. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** How many keys are configured. */
    public int size() {
        return keys.size();
    }

    /** The client a presented key belongs to, or empty when it is no configured key. */
    public Optional<String> clientOf(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String match = null;
        // Every entry is compared, found or not, so the time taken does not say which entry matched.
        for (HashedKey key : keys) {
            if (MessageDigest.isEqual(presented, key.digest()) && match == null) {
                match = key.clientId();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The lower-case hex SHA-256 of {@code key}'s UTF-8 bytes, as configured in PIGEONHOLE_API_KEYS. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Digests are not secrets, but configuration dumps need not carry them either.
        return "ApiKeys[" + keys.size() + " key(s) for " + keys.stream().map(HashedKey::clientId).toList() + "]";
    }
}
