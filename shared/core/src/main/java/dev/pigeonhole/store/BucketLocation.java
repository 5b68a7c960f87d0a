package dev.pigeonhole.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A bucket or container and the key prefix under it, as named by {@code s3://bucket/prefix} or {@code azblob://container/prefix}. */
public record BucketLocation(String scheme, String bucket, String prefix) {

    public BucketLocation {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Parses {@code <scheme>://bucket[/prefix]}; IllegalArgumentException saying what is wrong. */
    public static BucketLocation parse(String spec, String scheme) {
        String start = scheme + "://";
        if (!spec.startsWith(start)) {
            throw new IllegalArgumentException("store location '" + spec + "' does not start with " + start);
        }
        String rest = spec.substring(start.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("store location '" + spec + "' names no bucket or container: "
                    + "use " + start + "<name>/<prefix>");
        }
        if (!prefix.isEmpty()) {
            try {
                StoreKeys.requireValidKey(prefix);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("store location '" + spec + "' has an invalid prefix: "
                        + e.getMessage(), e);
            }
        }
        return new BucketLocation(scheme, bucket, prefix);
    }

    /** The backend's object name for a store key: the key under the prefix. */
    public String objectName(String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    /** The store key for a backend object name under the prefix. */
    public String keyOf(String objectName) {
        return prefix.isEmpty() ? objectName : objectName.substring(prefix.length() + 1);
    }

    /**
     * The store keys of backend {@code objectNames} listed under the prefix, sorted; a name that is no valid key is
     * left out: an object another tool wrote under our prefix, never one of ours.
     */
    public List<String> keysOf(Collection<String> objectNames) {
        List<String> keys = new ArrayList<>();
        for (String name : objectNames) {
            String key = keyOf(name);
            try {
                keys.add(StoreKeys.requireValidKey(key));
            } catch (IllegalArgumentException e) {
                // not one of ours: left out
            }
        }
        keys.sort(null);
        return keys;
    }

    /** The location as a {@code PIGEONHOLE_STORE} value. */
    public String describe() {
        return scheme + "://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
