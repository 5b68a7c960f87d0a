package dev.pigeonhole.predict;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real PDF and DOCX files made on the fly for upload tests, small or padded to a size as real ones are. */
final class UploadDocuments {

    private UploadDocuments() {
    }

    static byte[] pdf(String text) {
        return pdf(text, 0);
    }

    /**
     * A one-page PDF showing {@code text}, padded to about {@code size} bytes with an attached file of
     * incompressible bytes (as scans, photos and attachments make real PDFs large).
     */
    static byte[] pdf(String text, int size) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            if (size > 0) {
                PDEmbeddedFile attachment = new PDEmbeddedFile(document, new ByteArrayInputStream(noise(size)));
                PDComplexFileSpecification file = new PDComplexFileSpecification();
                file.setFile("scan.bin");
                file.setEmbeddedFile(attachment);
                PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
                files.setNames(Map.of("scan.bin", file));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(files);
                document.getDocumentCatalog().setNames(names);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small PDF that is slow to read: {@code pages} pages sharing one compressed content stream of
     * {@code operators} path operators (a few kilobytes on the wire, hundreds of millions of operators to run).
     */
    static byte[] slowPdf(int pages, int operators) {
        try (PDDocument document = new PDDocument()) {
            PDStream content = new PDStream(document,
                    new ByteArrayInputStream("0 0 m\n".repeat(operators).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    COSName.FLATE_DECODE);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                page.setContents(content);
                document.addPage(page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String text) {
        return docx(text, 0);
    }

    /** A DOCX with {@code text} in one paragraph, padded to about {@code size} bytes with a picture of noise. */
    static byte[] docx(String text, int size) {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(text);
            if (size > 0) {
                document.createParagraph().createRun().addPicture(new ByteArrayInputStream(noise(size)),
                        Document.PICTURE_TYPE_PNG, "photo.png", 100, 100);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
