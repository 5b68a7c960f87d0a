package dev.pigeonhole.documents;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;

/** Reads the text of a DOCX (paragraphs, tables, headers and footers) with POI, refusing zip bombs. */
final class DocxTextReader {

    /** Inflated bytes per compressed byte beyond which an entry is treated as a bomb (POI's own default, made explicit). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /**
     * Largest single package part, inflated. POI keeps every part in memory and builds an XML tree of the main
     * part several times its size; a million characters of text fit in far less.
     */
    static final long MAX_ENTRY_SIZE = 32L * 1024 * 1024;
    /** Largest sum of all parts, inflated: a bomb of many parts each under the entry cap stops here. */
    static final long MAX_TOTAL_SIZE = 64L * 1024 * 1024;
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
        // Opened from a stream of our own rather than XWPFDocument(InputStream), so the inflated sizes are capped.
        InflatedSizeCap zip = new InflatedSizeCap(new ByteArrayInputStream(content), MAX_ENTRY_SIZE, MAX_TOTAL_SIZE);
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(
                OPCPackage.open(new ZipInputStreamZipEntrySource(new ZipArchiveThresholdInputStream(zip)))))) {
            return new ExtractedText(extractor.getText(), DocumentFormat.DOCX.label(), 1);
        } catch (Exception | StackOverflowError corrupt) {
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
            if (t instanceof InflatedSizeCap.Exceeded || (t.getMessage() != null && t.getMessage().contains(BOMB_MARKER))) {
                return true;
            }
        }
        return false;
    }
}
