package dev.pigeonhole.store;

/** Checks object keys and list prefixes against the rules every backend shares. */
public final class StoreKeys {

    // A key is non-empty segments joined by '/', without backslashes. Segments may not start with '.': that rules
    // out "." and ".." and leaves dot-names free for a backend's own temp and lock files, which list() hides.

    private StoreKeys() {
    }

    /** Returns {@code key} if it is a valid object key, else throws IllegalArgumentException saying why. */
    public static String requireValidKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("store key must not be empty");
        }
        checkSegments(key, key, false);
        return key;
    }

    /** Returns {@code prefix} if it is empty or a valid key, optionally ending with '/', else throws IllegalArgumentException. */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("store prefix must not be null (use \"\" for everything)");
        }
        if (!prefix.isEmpty()) {
            checkSegments(prefix, prefix, true);
        }
        return prefix;
    }

    private static void checkSegments(String value, String shown, boolean trailingSlashAllowed) {
        if (value.indexOf('\\') >= 0) {
            throw invalid(shown, "contains a backslash");
        }
        if (value.startsWith("/")) {
            throw invalid(shown, "starts with '/' (keys are relative)");
        }
        String body = trailingSlashAllowed && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(shown, "has an empty segment");
            }
            if (segment.equals("..")) {
                throw invalid(shown, "contains '..'");
            }
            if (segment.startsWith(".")) {
                throw invalid(shown, "has a segment starting with '.'");
            }
        }
    }

    private static IllegalArgumentException invalid(String key, String why) {
        return new IllegalArgumentException("invalid store key '" + key + "': " + why);
    }
}
