package dev.pigeonhole.documents;

/** Text taken from a document, its detected format ({@code pdf}, {@code docx}, {@code txt}, {@code md}) and page count (1 when the format has no pages). */
public record ExtractedText(String text, String format, int pages) {
}
