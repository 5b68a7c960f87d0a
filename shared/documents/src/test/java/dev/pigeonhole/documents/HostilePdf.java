package dev.pigeonhole.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PDFs written byte by byte, with streams no PDF library would write: a page that shows a line of text then runs
 * hostile instructions, or shows it in a font whose embedded program is a decompression bomb.
 */
final class HostilePdf {

    private HostilePdf() {
    }

    static byte[] pdf(String pageContent, String formContent) {
        return write(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
                        + "<< /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> >>"),
                stream("", deflate(ascii("BT /F1 12 Tf 72 700 Td (Quarterly report) Tj ET\n/Fm1 Do\n" + pageContent)),
                        "/FlateDecode"),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] ", deflate(ascii(formContent)), "/FlateDecode")));
    }

    /**
     * A page of text in a TrueType font whose embedded program is {@code zeros} zero bytes, deflated {@code times}
     * over (the stream's filter list names FlateDecode that many times); deflated as it is written, so the program
     * never exists inflated in memory.
     */
    static byte[] pdfWithEmbeddedFont(long zeros, int times) {
        byte[] program = deflatedZeros(zeros);
        for (int i = 1; i < times; i++) {
            program = deflate(program);
        }
        return write(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
                        + "<< /Font << /F1 5 0 R >> >> >>"),
                stream("", deflate(ascii("BT /F1 12 Tf 72 700 Td (Quarterly report) Tj ET")), "/FlateDecode"),
                ascii("<< /Type /Font /Subtype /TrueType /BaseFont /Embedded /FirstChar 32 /LastChar 32 /Widths [250] "
                        + "/FontDescriptor 6 0 R >>"),
                ascii("<< /Type /FontDescriptor /FontName /Embedded /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
                        + "/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>"),
                stream("", program, "[" + " /FlateDecode".repeat(times) + " ]")));
    }

    /**
     * {@code pages} pages that each show a line of text, in a page tree whose count says 1 (so that the page limit
     * does not refuse it before it is read).
     */
    static byte[] pdfWithPages(int pages) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(i + 5).append(" 0 R ");
        }
        objects.add(ascii("<< /Type /Pages /Kids [" + kids + "] /Count 1 >>"));
        objects.add(stream("", deflate(ascii("BT /F1 12 Tf 72 700 Td (Quarterly report) Tj ET")), "/FlateDecode"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        byte[] page = ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                + "/Resources << /Font << /F1 4 0 R >> >> >>");
        for (int i = 0; i < pages; i++) {
            objects.add(page);
        }
        return write(objects);
    }

    private static byte[] write(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.4\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder trailer = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> trailer.append(String.format("%010d 00000 n \n", offset)));
        trailer.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(trailer.toString()));
        return out.toByteArray();
    }

    private static byte[] stream(String dictionary, byte[] encoded, String filters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<< " + dictionary + "/Length " + encoded.length + " /Filter " + filters + " >>\nstream\n"));
        out.writeBytes(encoded);
        out.writeBytes(ascii("\nendstream"));
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] content) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deflated.toByteArray();
    }

    private static byte[] deflatedZeros(long zeros) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] chunk = new byte[1 << 20];
            for (long written = 0; written < zeros; written += chunk.length) {
                deflater.write(chunk, 0, (int) Math.min(chunk.length, zeros - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deflated.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
