package dev.pigeonhole.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PDFs written byte by byte, with content streams no PDF library would write: one page that shows a line of text
 * and then runs {@code pageContent}, and draws a form XObject whose content is {@code formContent}.
 */
final class HostilePdf {

    private HostilePdf() {
    }

    /** {@code repeated} written {@code times} over, as a content stream's instructions. */
    static String repeat(String repeated, int times) {
        return repeated.repeat(times);
    }

    static byte[] pdf(String pageContent, String formContent) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
                + "<< /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> >>"));
        objects.add(stream("", "BT /F1 12 Tf 72 700 Td (Quarterly report) Tj ET\n/Fm1 Do\n" + pageContent));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        objects.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] ", formContent));
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

    private static byte[] stream(String dictionary, String content) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(content.getBytes(StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<< " + dictionary + "/Length " + deflated.size() + " /Filter /FlateDecode >>\nstream\n"));
        out.writeBytes(deflated.toByteArray());
        out.writeBytes(ascii("\nendstream"));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
