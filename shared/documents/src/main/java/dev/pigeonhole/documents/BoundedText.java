package dev.pigeonhole.documents;

import java.io.Writer;

/**
 * The text a reader has written so far; refuses the document the moment it holds more than the character limit,
 * so a reader never builds more text than the limit allows.
 */
final class BoundedText extends Writer {

    private final StringBuilder text = new StringBuilder();
    private final int maxCharacters;

    BoundedText(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** A refusal of ours that a parser wrapped on its way out, or null. */
    static DocumentException refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DocumentException refused) {
                return refused;
            }
        }
        return null;
    }

    @Override
    public void write(char[] characters, int offset, int length) {
        if (text.length() + length > maxCharacters) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE,
                    "The document holds more than " + maxCharacters + " characters of text; at most "
                            + maxCharacters + " are accepted.");
        }
        text.append(characters, offset, length);
    }

    @Override
    public void write(int character) {
        write(new char[] {(char) character}, 0, 1);
    }

    boolean isBlank() {
        return text.toString().isBlank();
    }

    /** True when nothing was written yet, or the last character written is {@code character}. */
    boolean endsWith(char character) {
        return text.isEmpty() || text.charAt(text.length() - 1) == character;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
