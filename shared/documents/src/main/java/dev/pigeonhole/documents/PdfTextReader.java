package dev.pigeonhole.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the text layer of a PDF with PDFBox, in memory only, within the page and character limits; it stops
 * as soon as either is reached, when its thread is interrupted (the upload's deadline passed), and when a content
 * stream runs over {@link #MAX_OPERAND_BYTES} without an operator; a stream read whole that inflates beyond
 * {@link #MAX_DECODED_STREAM_BYTES} is refused before any page is read.
 */
final class PdfTextReader {

    /** Scratch memory PDFBox may use for streams it creates; main memory only, so no temp files on Lambda. */
    private static final long SCRATCH_MEMORY_BYTES = 64L * 1024 * 1024;
    /** Content stream operators between two looks at the interrupt flag. */
    private static final int OPERATORS_PER_CHECK = 4096;
    /** Bytes of a content stream between two operators beyond which the document is refused. */
    static final long MAX_OPERAND_BYTES = 1024 * 1024;
    /** Decoded size beyond which a stream read whole (a font, a CMap) is refused; whole CJK fonts are 15-20 MB. */
    static final long MAX_DECODED_STREAM_BYTES = 32L * 1024 * 1024;

    private final int maxPages;
    private final int maxCharacters;

    PdfTextReader(int maxPages, int maxCharacters) {
        this.maxPages = maxPages;
        this.maxCharacters = maxCharacters;
    }

    ExtractedText read(byte[] content) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_MEMORY_BYTES).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new DocumentException(DocumentException.Reason.TOO_LARGE,
                        "The PDF has " + pages + " pages; at most " + maxPages + " are accepted.");
            }
            // The page count above is what the document says; the page tree may hold more.
            List<COSDictionary> firstPages = FirstPages.of(document.getPages().getCOSObject(), maxPages);
            new DecodedStreamCap(MAX_DECODED_STREAM_BYTES).check(firstPages);
            BoundedText text = new BoundedText(maxCharacters);
            PDFTextStripper stripper = new GuardedStripper(firstPages);
            stripper.setLineSeparator("\n");
            stripper.writeText(document, text);
            if (text.isBlank()) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The PDF has no text layer (is it scanned or made of images?); OCR is not supported: "
                                + "upload a PDF with selectable text, or the text itself.");
            }
            return new ExtractedText(text.toString(), DocumentFormat.PDF.label(), Math.min(pages, maxPages));
        } catch (DocumentException refused) {
            throw refused;
        } catch (InvalidPasswordException encrypted) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "This is a password-protected PDF: remove the password and upload it again.", encrypted);
        } catch (IOException | RuntimeException | StackOverflowError corrupt) {
            // StackOverflowError: deeply nested objects in a malicious PDF recurse in the parser; the thread survives it.
            DocumentException refused = BoundedText.refusalIn(corrupt);
            if (refused != null) {
                throw refused;
            }
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The PDF is damaged and its text cannot be read: save or export it again and re-upload.", corrupt);
        } finally {
            // PDFBox keeps every name it has read in a process-wide map: a PDF of a million distinct names left
            // 150 MB behind it for good. Names are compared by value, so clearing it under another reader is safe.
            COSName.clearResources();
        }
    }

    private static DocumentException stopped() {
        return new DocumentException(DocumentException.Reason.UNREADABLE,
                "Reading the PDF was stopped: it took longer than the time allowed for one document.");
    }

    /**
     * Looks at the interrupt flag on every page and every few thousand operators, and reads the content of pages and
     * forms through an {@link OperandBytesCap}.
     */
    private static final class GuardedStripper extends PDFTextStripper {

        private final List<COSDictionary> pages;
        private long operators;

        GuardedStripper(List<COSDictionary> pages) {
            this.pages = pages;
        }

        /** The first pages only, found as {@link FirstPages} walks the tree, not as PDFBox's iterator reads all of it. */
        @Override
        protected void processPages(PDPageTree tree) throws IOException {
            super.processPages(new PDPageTree(tree.getCOSObject()) {
                @Override
                public Iterator<PDPage> iterator() {
                    return pages.stream().map(GuardedStripper.this::cappedPage).iterator();
                }
            });
        }

        private PDPage cappedPage(COSDictionary page) {
            return new PDPage(page) {
                @Override
                public RandomAccessRead getContentsForStreamParsing() throws IOException {
                    return capped(super.getContentsForStreamParsing());
                }
            };
        }

        @Override
        public void showForm(PDFormXObject form) throws IOException {
            super.showForm(new PDFormXObject(form.getCOSObject()) {
                @Override
                public RandomAccessRead getContentsForStreamParsing() throws IOException {
                    return capped(super.getContentsForStreamParsing());
                }
            });
        }

        @Override
        public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
            super.showTransparencyGroup(new PDTransparencyGroup(group.getCOSObject(), null) {
                @Override
                public RandomAccessRead getContentsForStreamParsing() throws IOException {
                    return capped(super.getContentsForStreamParsing());
                }
            });
        }

        private RandomAccessRead capped(RandomAccessRead content) {
            return new OperandBytesCap(content, MAX_OPERAND_BYTES, () -> operators);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw stopped();
            }
            super.startPage(page);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators % OPERATORS_PER_CHECK == 0 && Thread.currentThread().isInterrupted()) {
                throw stopped();
            }
            super.processOperator(operator, operands);
        }
    }
}
