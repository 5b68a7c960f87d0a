package dev.pigeonhole.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the text of a DOCX (paragraphs, tables, headers, footers, footnotes and endnotes) as a stream of XML events,
 * part by part, refusing decompression bombs. Only the parts that hold text are inflated, and nothing is kept of
 * them but their text: memory grows with the text (at most the character limit), not with the XML, where a tree of
 * a 30 MB part (a 1.2 MB upload) took 1.4 GB of heap.
 */
final class DocxTextReader {

    /** Largest single part, inflated; a million characters of text fit in far less. */
    static final long MAX_ENTRY_SIZE = 32L * 1024 * 1024;
    /** Largest sum of the parts read, inflated: a bomb of many parts each under the entry cap stops here. */
    static final long MAX_TOTAL_SIZE = 64L * 1024 * 1024;
    /** Deepest element nesting accepted; Word's own nest a few dozen deep, a hostile part millions. */
    static final int MAX_ELEMENT_DEPTH = 2_000;

    private static final String DEFAULT_MAIN_PART = "word/document.xml";
    private static final String MAIN = "officeDocument";
    /** Parts around the main one that hold words, in the order they are read; the main part goes after the headers. */
    private static final List<String> BEFORE_MAIN = List.of("header");
    private static final List<String> AFTER_MAIN = List.of("footnotes", "endnotes", "footer");
    private static final Set<String> AROUND_MAIN = Set.of("header", "footnotes", "endnotes", "footer");

    private final int maxCharacters;

    DocxTextReader(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    ExtractedText read(byte[] content) {
        if (DocumentFormatDetector.isOle2(content)) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "This is a password-protected Office document: remove the password and upload it again.");
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            InflatedSizeCap cap = new InflatedSizeCap(MAX_ENTRY_SIZE, MAX_TOTAL_SIZE);
            String main = mainPart(zip, cap);
            List<PackageRelationships.Relationship> around = relationships(zip, cap, main, AROUND_MAIN);
            BoundedText text = new BoundedText(maxCharacters);
            for (String part : partsInReadingOrder(main, around)) {
                ZipArchiveEntry entry = zip.getEntry(part);
                if (entry != null) {
                    parse(zip, cap, entry, new WordprocessingText(text));
                }
            }
            return new ExtractedText(text.toString(), DocumentFormat.DOCX.label(), 1);
        } catch (IOException | SAXException | RuntimeException | ParserConfigurationException corrupt) {
            DocumentException refused = BoundedText.refusalIn(corrupt);
            if (refused != null) {
                throw refused;
            }
            if (isZipBomb(corrupt)) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The DOCX expands to far more data than a document holds (a decompression bomb) and was refused.",
                        corrupt);
            }
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The DOCX is damaged and its text cannot be read: save it again from Word and re-upload.", corrupt);
        }
    }

    /** The part the package's relationships name as its document; Word's usual name when they name none. */
    private static String mainPart(ZipFile zip, InflatedSizeCap cap)
            throws IOException, SAXException, ParserConfigurationException {
        return relationships(zip, cap, "", Set.of(MAIN)).stream()
                .map(PackageRelationships.Relationship::entryName)
                .findFirst().orElse(DEFAULT_MAIN_PART);
    }

    private static List<PackageRelationships.Relationship> relationships(ZipFile zip, InflatedSizeCap cap, String source,
            Set<String> kinds) throws IOException, SAXException, ParserConfigurationException {
        ZipArchiveEntry entry = zip.getEntry(PackageRelationships.entryNameFor(source));
        if (entry == null) {
            return List.of();
        }
        PackageRelationships relationships = new PackageRelationships(source, kinds, name -> zip.getEntry(name) != null);
        parse(zip, cap, entry, relationships);
        return relationships.relationships();
    }

    /** Headers, the main part, then footnotes, endnotes and footers; each part once. */
    private static Set<String> partsInReadingOrder(String main, List<PackageRelationships.Relationship> around) {
        Set<String> parts = new LinkedHashSet<>(ofKinds(around, BEFORE_MAIN));
        parts.add(main);
        parts.addAll(ofKinds(around, AFTER_MAIN));
        return parts;
    }

    private static List<String> ofKinds(List<PackageRelationships.Relationship> relationships, List<String> kinds) {
        List<String> parts = new ArrayList<>();
        for (String kind : kinds) {
            for (PackageRelationships.Relationship relationship : relationships) {
                if (relationship.kind().equals(kind)) {
                    parts.add(relationship.entryName());
                }
            }
        }
        return parts;
    }

    private static void parse(ZipFile zip, InflatedSizeCap cap, ZipArchiveEntry entry, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        try (InputStream in = cap.open(zip, entry)) {
            newParser().parse(in, handler);
        }
    }

    /**
     * The JDK's own SAX parser, whatever else is on the class path, with no DTD at all (OOXML has none, and a DTD
     * is how entity expansion bombs and external entities come in) and a bound on nesting.
     */
    private static SAXParser newParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
        return parser;
    }

    private static boolean isZipBomb(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InflatedSizeCap.Exceeded) {
                return true;
            }
        }
        return false;
    }
}
