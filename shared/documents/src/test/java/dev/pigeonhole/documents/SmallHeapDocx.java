package dev.pigeonhole.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Run by {@link HostileDocxTest} in a JVM with a small heap: reads DOCX uploads of a few megabytes whose parts
 * inflate to tens of megabytes of XML, or that list 100,000 entries, and prints what each gave. An exhausted heap
 * ends it with an error.
 */
public final class SmallHeapDocx {

    static final int PART_BYTES = 30_000_000;
    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    private static final String BODY = "<w:p><w:r><w:t>Quarterly report</w:t></w:r></w:p>";

    private SmallHeapDocx() {
    }

    public static void main(String[] args) {
        Random random = new Random(7);
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        uploads.put("paragraphs", docx(Map.of("word/document.xml", new Part("<w:document " + W + "><w:body>",
                i -> "<w:p><w:r><w:t>" + (char) ('a' + random.nextInt(26)) + "</w:t></w:r></w:p>",
                "</w:body></w:document>")), ""));
        uploads.put("nesting", docx(Map.of("word/document.xml", new Part("<w:document " + W + "><w:body>",
                i -> "<w:p>", "")), ""));
        uploads.put("relationships", docx(Map.of("_rels/.rels", new Part(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"main\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/officeDocument\" Target=\"word/document.xml\"/>",
                i -> "<Relationship Id=\"r" + i + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/header\" Target=\"word/header" + i + ".xml\"/>",
                "</Relationships>")), BODY));
        uploads.put("core properties", docx(Map.of("docProps/core.xml", new Part(
                "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\">",
                i -> "<x a=\"" + (char) ('a' + random.nextInt(26)) + "\"/>", "</cp:coreProperties>")), BODY));

        uploads.put("entries", withEmptyEntries(docx(Map.of(), BODY), 100_000));

        DocumentTextExtractor extractor = new DocumentTextExtractor(new DocumentLimits(10L << 20, 200, 1_000_000));
        uploads.forEach((name, upload) -> {
            try {
                System.out.println(name + ": " + extractor.extract(name + ".docx", upload).text());
            } catch (DocumentException refused) {
                System.out.println(name + ": " + refused.reason() + ": " + refused.getMessage());
            }
        });
    }

    /** A part of about {@link #PART_BYTES}: its opening, then units until it is that large, then its closing. */
    private record Part(String opening, IntFunction<String> unit, String closing) {
    }

    /** A DOCX whose listed parts are written as {@link Part}s, the others as Word's smallest; {@code body} the text. */
    private static byte[] docx(Map<String, Part> large, String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"main\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("docProps/core.xml", "");
        parts.put("word/document.xml", "<w:document " + W + "><w:body>" + body + "</w:body></w:document>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                Part written = large.get(part.getKey());
                if (written == null) {
                    zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                } else {
                    long size = write(zip, written.opening());
                    for (int i = 0; size < PART_BYTES; i++) {
                        size += write(zip, written.unit().apply(i));
                    }
                    write(zip, written.closing());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code docx} followed by {@code count} empty entries: a central directory of 9 MB, a document of a few words. */
    private static byte[] withEmptyEntries(byte[] docx, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                ZipInputStream source = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = source.getNextEntry(); entry != null; entry = source.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(source.readAllBytes());
                zip.closeEntry();
            }
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry(Integer.toHexString(i)));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int write(ZipOutputStream zip, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.write(bytes);
        return bytes.length;
    }
}
