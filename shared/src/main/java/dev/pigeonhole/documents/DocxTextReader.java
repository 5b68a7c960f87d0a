package dev.pigeonhole.documents;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Reads the text of a DOCX (paragraphs, tables, headers and footers) with POI, refusing zip bombs. */
final class DocxTextReader {

    /** Inflated bytes per compressed byte beyond which an entry is treated as a bomb (POI's own default, made explicit). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Largest single package part POI may inflate; POI keeps every part in memory. */
    static final long MAX_ENTRY_SIZE = 64L * 1024 * 1024;
    /** Cap on text POI's extractors build; the caller's character limit is applied to the result as well. */
    static final long MAX_TEXT_SIZE = 10L * 1024 * 1024;

    static {
        // Process-wide POI settings: set once, to the same values for every reader.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_SIZE);
    }

    private static final String BOMB_MARKER = "Zip bomb detected";

    ExtractedText read(byte[] content) {
        if (DocumentFormatDetector.isOle2(content)) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "This is a password-protected Office document: remove the password and upload it again.");
        }
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(content)))) {
            return new ExtractedText(extractor.getText(), DocumentFormat.DOCX.label(), 1);
        } catch (IOException | RuntimeException | StackOverflowError corrupt) {
            // StackOverflowError: deeply nested XML in a malicious part recurses in the parser; the thread survives it.
            if (isZipBomb(corrupt)) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The DOCX expands to far more data than a document holds (a decompression bomb) and was refused.",
                        corrupt);
            }
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The DOCX is damaged and its text cannot be read: save it again from Word and re-upload.", corrupt);
        }
    }

    private static boolean isZipBomb(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(BOMB_MARKER)) {
                return true;
            }
        }
        return false;
    }
}
