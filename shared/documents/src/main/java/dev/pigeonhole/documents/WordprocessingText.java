package dev.pigeonhole.documents;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The words of one WordprocessingML part (the document, a header, footnotes), read as a stream: the text of its
 * runs, a tab or line break where the run has one, a line per paragraph (so one per table cell too).
 * Deleted text, field instructions and the fallback copies of alternate content are left out.
 */
final class WordprocessingText extends DefaultHandler {

    private static final Set<String> WORDPROCESSING = Set.of(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main");
    private static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    /** Elements between two looks at the interrupt flag. */
    private static final int ELEMENTS_PER_CHECK = 4096;

    private final BoundedText text;
    private int runDepth;
    private int fallbackDepth;
    private boolean inText;
    private long elements;

    WordprocessingText(BoundedText text) {
        this.text = text;
    }

    @Override
    public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) {
        if (++elements % ELEMENTS_PER_CHECK == 0) {
            stopIfInterrupted();
        }
        if (MARKUP_COMPATIBILITY.equals(uri) && "Fallback".equals(localName)) {
            fallbackDepth++;
        }
        if (fallbackDepth > 0 || !WORDPROCESSING.contains(uri)) {
            return;
        }
        switch (localName) {
            case "r" -> runDepth++;
            case "t" -> inText = runDepth > 0;
            case "tab" -> writeInRun('\t');
            case "br", "cr" -> writeInRun('\n');
            case "noBreakHyphen" -> writeInRun('-');
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qualifiedName) {
        if (MARKUP_COMPATIBILITY.equals(uri) && "Fallback".equals(localName)) {
            fallbackDepth--;
            return;
        }
        if (fallbackDepth > 0 || !WORDPROCESSING.contains(uri)) {
            return;
        }
        switch (localName) {
            case "r" -> runDepth = Math.max(0, runDepth - 1);
            case "t" -> inText = false;
            case "p" -> text.write('\n');
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] characters, int start, int length) {
        if (inText && fallbackDepth == 0) {
            text.write(characters, start, length);
        }
    }

    /** Refuses the document when its reader's thread was interrupted: the upload's deadline passed. */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "Reading the DOCX was stopped: it took longer than the time allowed for one document.");
        }
    }

    /** A tab or a break inside a run; the same names in paragraph properties (tab stops) are no text. */
    private void writeInRun(char character) {
        if (runDepth > 0) {
            text.write(character);
        }
    }
}
