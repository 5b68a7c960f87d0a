package dev.pigeonhole.store;

/** The requested model version has no manifest in the store. */
public class VersionNotFoundException extends StoreException {

    public VersionNotFoundException(String message) {
        super(message);
    }
}
