package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.io.ByteArrayInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.Test;

class InflatedSizeCapTest {

    @Test
    void entriesWithinBothCapsAreReadWhole() throws IOException {
        assertEquals(2_000, readAll(zip(1_000, 1_000), 1_000, 2_000));
    }

    @Test
    void oneEntryOverTheEntryCapIsRefused() {
        InflatedSizeCap.Exceeded refused = assertThrows(InflatedSizeCap.Exceeded.class,
                () -> readAll(zip(500, 1_001), 1_000, 10_000));
        assertEquals("a ZIP entry inflates to more than 1000 bytes", refused.getMessage());
    }

    @Test
    void manyEntriesEachUnderTheEntryCapAreRefusedTogether() {
        InflatedSizeCap.Exceeded refused = assertThrows(InflatedSizeCap.Exceeded.class,
                () -> readAll(zip(1_000, 1_000, 1_000), 1_000, 2_500));
        assertEquals("the ZIP entries inflate to more than 2500 bytes together", refused.getMessage());
    }

    @Test
    void aDocxWhosePartsInflateBeyondTheTotalCapIsADecompressionBomb() {
        // Header, document and footer each under the entry cap, together over the total cap.
        byte[] docx = SampleDocuments.padded(SampleDocuments.docxWithHeaderAndFooter("Acme", "Report", "Page 1"),
                "word/(document|header\\d+|footer\\d+)\\.xml", DocxTextReader.MAX_TOTAL_SIZE / 3 + 1024);

        DocumentException refused = assertThrows(DocumentException.class,
                () -> new DocxTextReader(1_000_000).read(docx));
        assertEquals(DocumentException.Reason.UNREADABLE, refused.reason());
        assertEquals("The DOCX expands to far more data than a document holds (a decompression bomb) and was refused.",
                refused.getMessage());
    }

    private static long readAll(byte[] zip, long maxEntry, long maxTotal) throws IOException {
        long total = 0;
        try (ZipArchiveInputStream in = new InflatedSizeCap(new ByteArrayInputStream(zip), maxEntry, maxTotal)) {
            byte[] buffer = new byte[256];
            while (in.getNextEntry() != null) {
                for (int read = in.read(buffer, 0, buffer.length); read > 0; read = in.read(buffer, 0, buffer.length)) {
                    total += read;
                }
            }
        }
        return total;
    }

    private static byte[] zip(int... entrySizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entrySizes.length; i++) {
                zip.putNextEntry(new ZipEntry("entry" + i));
                zip.write(new byte[entrySizes[i]]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
