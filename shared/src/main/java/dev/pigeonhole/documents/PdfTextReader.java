package dev.pigeonhole.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/** Reads the text layer of a PDF with PDFBox, in memory only, within the page limit. */
final class PdfTextReader {

    /** Scratch memory PDFBox may use for streams it creates; main memory only, so no temp files on Lambda. */
    private static final long SCRATCH_MEMORY_BYTES = 64L * 1024 * 1024;

    private final int maxPages;

    PdfTextReader(int maxPages) {
        this.maxPages = maxPages;
    }

    ExtractedText read(byte[] content) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_MEMORY_BYTES).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new DocumentException(DocumentException.Reason.TOO_LARGE,
                        "The PDF has " + pages + " pages; at most " + maxPages + " are accepted.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            String text = stripper.getText(document);
            if (text.isBlank()) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The PDF has no text layer (is it scanned or made of images?); OCR is not supported: "
                                + "upload a PDF with selectable text, or the text itself.");
            }
            return new ExtractedText(text, DocumentFormat.PDF.label(), pages);
        } catch (DocumentException refused) {
            throw refused;
        } catch (InvalidPasswordException encrypted) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "This is a password-protected PDF: remove the password and upload it again.", encrypted);
        } catch (IOException | RuntimeException | StackOverflowError corrupt) {
            // StackOverflowError: deeply nested objects in a malicious PDF recurse in the parser; the thread survives it.
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The PDF is damaged and its text cannot be read: save or export it again and re-upload.", corrupt);
        }
    }
}
