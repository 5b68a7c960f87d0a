package dev.pigeonhole.store;

/** A stored version does not match its manifest (missing file, wrong size or sha256, unreadable manifest). */
public class CorruptArtifactException extends StoreException {

    public CorruptArtifactException(String message) {
        super(message);
    }

    public CorruptArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
