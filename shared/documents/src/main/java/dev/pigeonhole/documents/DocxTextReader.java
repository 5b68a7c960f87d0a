package dev.pigeonhole.documents;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.xml.sax.SAXException;

/**
 * Reads the text of a DOCX (paragraphs, tables, headers, footers, footnotes and endnotes) as streams: the ZIP entry
 * after entry, each part as XML events. Nothing is kept of a part but its text, so memory grows with the text (at
 * most the character limit), not with the package: a tree of a 30 MB part (a 1.2 MB upload) took 1.4 GB of heap,
 * the central directory of 110,000 entries (9 MB) 220 MB. Two passes: the relationships parts first (which part is
 * the document, which its headers), then the parts that hold text, each into its own text, joined in reading order.
 */
final class DocxTextReader {

    /** Largest single part, inflated; a million characters of text fit in far less. */
    static final long MAX_ENTRY_SIZE = 32L * 1024 * 1024;
    /** Largest sum of all entries, inflated, in one pass: a bomb of many entries each under the entry cap stops here. */
    static final long MAX_TOTAL_SIZE = 64L * 1024 * 1024;
    /** Deepest element nesting accepted; Word's own nest a few dozen deep, a hostile part millions. */
    static final int MAX_ELEMENT_DEPTH = 2_000;
    static final String BOMB = "The DOCX expands to far more data than a document holds (a decompression bomb) and was refused.";

    private static final String DEFAULT_MAIN_PART = "word/document.xml";
    private static final String MAIN = "officeDocument";
    /** Parts around the main one that hold words, in the order they are read; the main part goes after the headers. */
    private static final List<String> BEFORE_MAIN = List.of("header");
    private static final List<String> AFTER_MAIN = List.of("footnotes", "endnotes", "footer");
    private static final Set<String> KINDS = Set.of(MAIN, "header", "footnotes", "endnotes", "footer");

    private final int maxCharacters;

    DocxTextReader(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    ExtractedText read(byte[] content) {
        if (DocumentFormatDetector.isOle2(content)) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "This is a password-protected Office document: remove the password and upload it again.");
        }
        try {
            SAXParser parser = newParser();
            PackageRelationships relationships = new PackageRelationships(KINDS);
            try (InflatedSizeCap zip = open(content)) {
                for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    WordprocessingText.stopIfInterrupted();
                    if (PackageRelationships.isRelationshipsPart(entry.getName())) {
                        relationships.read(entry.getName(), unclosable(zip), parser);
                    }
                }
            }
            Set<String> parts = partsInReadingOrder(relationships);
            BoundedText whole = new BoundedText(maxCharacters);
            Map<String, BoundedText> texts = new HashMap<>();
            try (InflatedSizeCap zip = open(content)) {
                for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    WordprocessingText.stopIfInterrupted();
                    if (parts.contains(entry.getName()) && !texts.containsKey(entry.getName())) {
                        BoundedText text = whole.part();
                        texts.put(entry.getName(), text);
                        parser.parse(unclosable(zip), new WordprocessingText(text));
                    }
                }
            }
            StringBuilder joined = new StringBuilder();
            parts.stream().filter(texts::containsKey).forEach(part -> joined.append(texts.get(part)));
            return new ExtractedText(joined.toString(), DocumentFormat.DOCX.label(), 1);
        } catch (IOException | SAXException | RuntimeException | ParserConfigurationException corrupt) {
            DocumentException refused = BoundedText.refusalIn(corrupt);
            if (refused != null) {
                throw refused;
            }
            if (isZipBomb(corrupt)) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE, BOMB, corrupt);
            }
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The DOCX is damaged and its text cannot be read: save it again from Word and re-upload.", corrupt);
        }
    }

    static InflatedSizeCap open(byte[] content) {
        return new InflatedSizeCap(new ByteArrayInputStream(content), MAX_ENTRY_SIZE, MAX_TOTAL_SIZE);
    }

    static boolean isZipBomb(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InflatedSizeCap.Exceeded) {
                return true;
            }
        }
        return false;
    }

    /**
     * Headers, the part the package names as its document (Word's usual name when it names none), then footnotes,
     * endnotes and footers; each part once.
     */
    private static Set<String> partsInReadingOrder(PackageRelationships relationships) {
        String main = relationships.of("").stream().filter(relationship -> relationship.kind().equals(MAIN))
                .map(PackageRelationships.Relationship::entryName).findFirst().orElse(DEFAULT_MAIN_PART);
        List<PackageRelationships.Relationship> around = relationships.of(main);
        Set<String> parts = new LinkedHashSet<>();
        addKinds(parts, around, BEFORE_MAIN);
        parts.add(main);
        addKinds(parts, around, AFTER_MAIN);
        return parts;
    }

    private static void addKinds(Set<String> parts, List<PackageRelationships.Relationship> relationships,
            List<String> kinds) {
        for (String kind : kinds) {
            for (PackageRelationships.Relationship relationship : relationships) {
                if (relationship.kind().equals(kind)) {
                    parts.add(relationship.entryName());
                }
            }
        }
    }

    /** The current entry of {@code zip}, for a parser that closes what it reads: closing it leaves the ZIP open. */
    private static InputStream unclosable(InflatedSizeCap zip) {
        return new FilterInputStream(zip) {
            @Override
            public void close() {
            }
        };
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
}
