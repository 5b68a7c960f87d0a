package dev.pigeonhole.documents;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/** Decides a document's format from its leading bytes first and its file name second. */
final class DocumentFormatDetector {

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String DOCX_MAIN_PART = "word/document.xml";
    /** Office puts a password-protected OOXML package inside an OLE2 file with this stream. */
    private static final String ENCRYPTION_INFO = "EncryptionInfo";

    /**
     * Returns the format to read {@code content} as. A password-protected Office package is
     * reported as {@link DocumentFormat#DOCX} so that the DOCX reader refuses it with its reason.
     */
    public DocumentFormat detect(String filename, byte[] content) {
        String extension = extensionOf(filename);
        if (startsWith(content, PDF_MAGIC)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return detectZip(extension, content);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            if (isEncryptedOfficePackage(content)) {
                return DocumentFormat.DOCX;
            }
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED,
                    "Legacy Office files (.doc, .xls, .ppt) are not supported: save the document as DOCX or PDF; "
                            + DocumentFormat.ACCEPTED + ".");
        }
        if (extension.equals("pdf")) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The file is named .pdf but is not a PDF (it does not start with %PDF-): upload the original PDF.");
        }
        if (extension.equals("docx")) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The file is named .docx but is not a DOCX package: upload the original DOCX.");
        }
        return extension.equals("md") || extension.equals("markdown") ? DocumentFormat.MD : DocumentFormat.TXT;
    }

    static boolean isOle2(byte[] content) {
        return startsWith(content, OLE2_MAGIC);
    }

    static boolean isEncryptedOfficePackage(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry(ENCRYPTION_INFO);
        } catch (IOException | RuntimeException unreadableOle2) {
            return false;
        }
    }

    private static DocumentFormat detectZip(String extension, byte[] content) {
        // Entry after entry from their local headers, never the central directory (its size is the sender's choice);
        // a DOCX names its document within its first few entries.
        try (InflatedSizeCap zip = DocxTextReader.open(content)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(DOCX_MAIN_PART)) {
                    return DocumentFormat.DOCX;
                }
            }
        } catch (IOException | RuntimeException unreadableZip) {
            if (DocxTextReader.isZipBomb(unreadableZip)) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE, DocxTextReader.BOMB, unreadableZip);
            }
            if (extension.equals("docx")) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The DOCX file is damaged (its ZIP structure cannot be read): save it again and re-upload.",
                        unreadableZip);
            }
        }
        throw new DocumentException(DocumentException.Reason.UNSUPPORTED,
                "ZIP archives other than Word documents (such as XLSX, PPTX or ODT) are not supported; "
                        + DocumentFormat.ACCEPTED + ".");
    }

    private static String extensionOf(String filename) {
        if (filename == null) {
            return "";
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
