package dev.pigeonhole.documents;

import java.io.Writer;

/**
 * The text a reader has written so far; refuses the document the moment it holds more than the character limit,
 * so a reader never builds more text than the limit allows. A document read in parts out of order writes each part
 * to a {@link #part()}, counted against the whole.
 */
final class BoundedText extends Writer {

    private final StringBuilder text = new StringBuilder();
    private final int maxCharacters;
    private final BoundedText whole;
    private int counted;

    BoundedText(int maxCharacters) {
        this(maxCharacters, null);
    }

    private BoundedText(int maxCharacters, BoundedText whole) {
        this.maxCharacters = maxCharacters;
        this.whole = whole;
    }

    /** Text of one part of the document, within the limit of this text and all its other parts together. */
    BoundedText part() {
        return new BoundedText(maxCharacters, this);
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
        BoundedText counter = whole == null ? this : whole;
        if (counter.counted + length > maxCharacters) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE,
                    "The document holds more than " + maxCharacters + " characters of text; at most "
                            + maxCharacters + " are accepted.");
        }
        counter.counted += length;
        text.append(characters, offset, length);
    }

    @Override
    public void write(int character) {
        write(new char[] {(char) character}, 0, 1);
    }

    boolean isBlank() {
        return text.toString().isBlank();
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
