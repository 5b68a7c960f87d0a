package dev.pigeonhole.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Real PDF, DOCX, XLSX and OLE2 files built in memory for the extraction tests. */
final class SampleDocuments {

    private SampleDocuments() {
    }

    /** A PDF with one page per argument, each page showing that line in Helvetica. */
    static byte[] textPdf(String... pageTexts) {
        try (PDDocument document = new PDDocument()) {
            addTextPages(document, pageTexts);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF with one page per text whose page tree says it has {@code claimedPages} (a count a hostile file
     * can set to anything): saved uncompressed, then its {@code /Count} rewritten in place.
     */
    static byte[] pdfClaimingPages(int claimedPages, String... pageTexts) {
        try (PDDocument document = new PDDocument()) {
            addTextPages(document, pageTexts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            String pdf = out.toString(StandardCharsets.ISO_8859_1);
            String count = "/Count " + pageTexts.length;
            String claimed = String.format("%-" + count.length() + "s", "/Count " + claimedPages);
            if (!pdf.contains(count) || claimed.length() != count.length()) {
                throw new IllegalStateException("cannot rewrite " + count);
            }
            return pdf.replace(count, claimed).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF that opens only with the user password {@code secret}. */
    static byte[] passwordProtectedPdf(String text) {
        try (PDDocument document = new PDDocument()) {
            addTextPages(document, text);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF whose only content is a picture, as a scanner makes. */
    static byte[] imageOnlyPdf() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage scan = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 40; x++) {
                scan.setRGB(x, x, 0xFFFFFF);
            }
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 72, 500, 200, 200);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with the given paragraphs. */
    static byte[] docx(String... paragraphs) {
        try (XWPFDocument document = new XWPFDocument()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with one paragraph followed by a 2x2 table. */
    static byte[] docxWithTable(String paragraph, String[][] cells) {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(paragraph);
            XWPFTable table = document.createTable(cells.length, cells[0].length);
            for (int row = 0; row < cells.length; row++) {
                for (int column = 0; column < cells[row].length; column++) {
                    table.getRow(row).getCell(column).setText(cells[row][column]);
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with a default header, one paragraph and a default footer, as Word lays them out. */
    static byte[] docxWithHeaderAndFooter(String header, String paragraph, String footer) {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
            document.createParagraph().createRun().setText(paragraph);
            document.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(footer);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code docx} with {@code spaces} blanks added before the closing tag of each part whose name matches
     * {@code parts}: still well-formed XML, inflating to far more than it weighs. Written a megabyte at a time and
     * deflated as it is written, so the padding never exists whole in memory.
     */
    static byte[] padded(byte[] docx, String parts, long spaces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                ZipInputStream source = new ZipInputStream(new ByteArrayInputStream(docx))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (ZipEntry entry = source.getNextEntry(); entry != null; entry = source.getNextEntry()) {
                byte[] content = source.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().matches(parts)) {
                    int closing = new String(content, StandardCharsets.ISO_8859_1).lastIndexOf("</");
                    zip.write(content, 0, closing);
                    for (long written = 0; written < spaces; written += blanks.length) {
                        zip.write(blanks, 0, (int) Math.min(blanks.length, spaces - written));
                    }
                    zip.write(content, closing, content.length - closing);
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A DOCX whose main part is replaced by {@code documentXml}. */
    static byte[] docxWithMainPart(String documentXml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(docx("placeholder"), zip, "word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A DOCX encrypted by POI the way Word does it: an OLE2 file with EncryptionInfo and EncryptedPackage. */
    static byte[] passwordProtectedDocx(String text) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream encrypted = encryptor.getDataStream(fs)) {
                encrypted.write(docx(text));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OLE2 file with a WordDocument stream, the container of a Word 97-2003 .doc. */
    static byte[] legacyDoc() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XLSX workbook with one cell. */
    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Quarterly figures");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] truncated(byte[] content, int length) {
        return Arrays.copyOf(content, length);
    }

    private static void addTextPages(PDDocument document, String... pageTexts) throws IOException {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (String text : pageTexts) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(helvetica, 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] save(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }

    private static void copyEntries(byte[] zipBytes, ZipOutputStream target, String replacedName, byte[] replacement)
            throws IOException {
        try (ZipInputStream source = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = source.getNextEntry(); entry != null; entry = source.getNextEntry()) {
                target.putNextEntry(new ZipEntry(entry.getName()));
                target.write(entry.getName().equals(replacedName) ? replacement : source.readAllBytes());
                target.closeEntry();
            }
        }
    }
}
