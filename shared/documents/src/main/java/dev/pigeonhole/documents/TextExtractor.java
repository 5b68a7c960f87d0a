package dev.pigeonhole.documents;

/** Pulls the plain text out of an uploaded document (PDF, DOCX, TXT, MD). */
public interface TextExtractor {

    /**
     * Extracts the text of {@code content}; the format is decided from the bytes first and the
     * file name second. Every refusal is a {@link DocumentException} saying what to fix.
     */
    ExtractedText extract(String filename, byte[] content);
}
