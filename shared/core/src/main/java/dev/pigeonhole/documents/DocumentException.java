package dev.pigeonhole.documents;

/** A document that cannot be classified, with the reason and the kind of refusal. */
public class DocumentException extends RuntimeException {

    /** Why a document was refused; each maps to one HTTP status at the edge. */
    public enum Reason {
        /** Not a PDF, DOCX, TXT or MD file (415). */
        UNSUPPORTED,
        /** Over a configured limit: bytes, pages or extracted characters (413). */
        TOO_LARGE,
        /** Corrupt, encrypted, image-only, empty or a decompression bomb (422). */
        UNREADABLE
    }

    private final Reason reason;

    public DocumentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
