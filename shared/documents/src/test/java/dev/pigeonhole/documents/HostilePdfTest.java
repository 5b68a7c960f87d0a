package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PDFs of a few kilobytes built to fill the heap while their drawing instructions are read (fifty million numbers
 * in a 98 KB PDF filled 512 MB), or after (the names of every PDF read were kept). */
class HostilePdfTest {

    private final DocumentTextExtractor extractor =
            new DocumentTextExtractor(new DocumentLimits(10L << 20, 200, 1_000_000));

    @Test
    void twoMillionOperandsWithoutAnOperatorOnAPageAreRefused() {
        byte[] pdf = HostilePdf.pdf("1 ".repeat(2_000_000), "");
        assertTrue(pdf.length < 20_000, pdf.length + " bytes");

        assertRefusedAsBuiltToExhaustMemory(pdf);
    }

    @Test
    void anArrayOfAMillionNumbersInAFormIsRefused() {
        byte[] pdf = HostilePdf.pdf("", "[" + "0.5 ".repeat(1_000_000) + "] TJ");

        assertRefusedAsBuiltToExhaustMemory(pdf);
    }

    @Test
    void manyOperatorsWithTheirOperandsAreReadAsUsual() {
        byte[] pdf = HostilePdf.pdf("0.5 0.5 0.5 rg 1 0 0 1 0 0 cm\n".repeat(200_000),
                "BT /F1 12 Tf 72 600 Td (in the second quarter) Tj ET");

        assertEquals("Quarterly report\nin the second quarter", extractor.extract("report.pdf", pdf).text());
    }

    @Test
    void aFontProgramThatInflatesBeyondTheCapIsRefusedBeforeAnyPageIsRead() {
        byte[] pdf = HostilePdf.pdfWithEmbeddedFont(PdfTextReader.MAX_DECODED_STREAM_BYTES + 1024, 1);
        assertTrue(pdf.length < 100_000, pdf.length + " bytes");

        assertRefusedAsADecompressionBomb(pdf);
    }

    @Test
    void aFontProgramDeflatedTwiceIsCountedAfterBothFilters() {
        byte[] pdf = HostilePdf.pdfWithEmbeddedFont(PdfTextReader.MAX_DECODED_STREAM_BYTES + 1024, 2);
        assertTrue(pdf.length < 2_000, pdf.length + " bytes");

        assertRefusedAsADecompressionBomb(pdf);
    }

    @Test
    void aFontProgramWithinTheCapIsDecodedAndTheTextRead() {
        byte[] pdf = HostilePdf.pdfWithEmbeddedFont(64 * 1024, 1);

        assertEquals("Quarterly report", extractor.extract("report.pdf", pdf).text());
    }

    @Test
    void theNamesOfAPdfAreNotKeptOnceItIsReadNorPagesPastTheLimitReadAtAll() throws IOException, InterruptedException {
        SmallHeapRun run = SmallHeapRun.of("64m", SmallHeapPdf.class);

        assertEquals(0, run.exitValue(), run.output());
        assertEquals(Collections.nCopies(SmallHeapPdf.DOCUMENTS, "Quarterly report"), run.linesStartingWith("names ")
                .stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList(), run.output());
        assertEquals(List.of("pages: 200"), run.linesStartingWith("pages: "), run.output());
    }

    private void assertRefusedAsADecompressionBomb(byte[] pdf) {
        DocumentException refused = assertThrows(DocumentException.class, () -> extractor.extract("bomb.pdf", pdf));

        assertEquals(DocumentException.Reason.UNREADABLE, refused.reason());
        assertEquals("The PDF holds a stream that inflates to more than 33554432 bytes (a decompression bomb) and was "
                + "refused.", refused.getMessage());
    }

    private void assertRefusedAsBuiltToExhaustMemory(byte[] pdf) {
        DocumentException refused = assertThrows(DocumentException.class, () -> extractor.extract("bomb.pdf", pdf));

        assertEquals(DocumentException.Reason.UNREADABLE, refused.reason());
        assertEquals("The PDF's drawing instructions run over 1048576 bytes without an operator: it looks built to "
                + "exhaust memory and was refused.", refused.getMessage());
    }
}
