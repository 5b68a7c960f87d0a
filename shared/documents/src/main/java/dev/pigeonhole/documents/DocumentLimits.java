package dev.pigeonhole.documents;

/** Upper bounds an uploaded document must stay within: raw bytes, PDF pages and extracted characters. */
public record DocumentLimits(long maxBytes, int maxPages, int maxCharacters) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_PAGES = 200;
    public static final int DEFAULT_MAX_CHARACTERS = 1_000_000;

    public DocumentLimits {
        if (maxBytes <= 0 || maxPages <= 0 || maxCharacters <= 0) {
            throw new IllegalArgumentException("document limits must be positive: maxBytes=" + maxBytes
                    + ", maxPages=" + maxPages + ", maxCharacters=" + maxCharacters);
        }
    }

    /** 10 MB, 200 pages, 1,000,000 characters. */
    public static DocumentLimits defaults() {
        return new DocumentLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_CHARACTERS);
    }
}
