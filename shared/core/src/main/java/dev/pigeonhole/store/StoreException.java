package dev.pigeonhole.store;

/** A store backend failed or holds something unusable. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "cannot {@code action} '{@code key}' in {@code where}: {@code detail}", for a cloud store's failed request. */
    public static StoreException cannot(String action, String key, String where, String detail, Throwable cause) {
        String what = key.isEmpty() ? "" : " '" + key + "'";
        return new StoreException("cannot " + action + what + " in " + where + ": " + detail, cause);
    }
}
