package dev.pigeonhole.documents;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.SAXParser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The internal relationships of an OOXML package's parts, read as a stream from each relationships part
 * ({@code _rels/.rels} for the package, {@code word/_rels/document.xml.rels} for the document): of the kinds asked
 * for (the last word of the type: {@code officeDocument}, {@code header}, ...), each with the ZIP entry name it
 * points to. At most {@link #MAX_RELATIONSHIPS} in all are kept, whatever the package lists.
 */
final class PackageRelationships {

    /** More than any document has headers, footers and notes parts; fewer than would weigh on memory. */
    static final int MAX_RELATIONSHIPS = 1_000;
    private static final String FOLDER = "_rels/";
    private static final String SUFFIX = ".rels";

    /** One relationship: the last word of its type and the entry name of its target. */
    record Relationship(String kind, String entryName) {
    }

    private final Set<String> kinds;
    private final Map<String, List<Relationship>> bySource = new HashMap<>();
    private int kept;

    PackageRelationships(Set<String> kinds) {
        this.kinds = kinds;
    }

    /** True when {@code entryName} holds the relationships of a part (or of the package). */
    static boolean isRelationshipsPart(String entryName) {
        int folder = entryName.lastIndexOf(FOLDER);
        return entryName.endsWith(SUFFIX) && folder >= 0 && (folder == 0 || entryName.charAt(folder - 1) == '/')
                && entryName.indexOf('/', folder + FOLDER.length()) < 0;
    }

    /** Reads the relationships part {@code entryName} from {@code in} with {@code parser}. */
    void read(String entryName, InputStream in, SAXParser parser) throws IOException, SAXException {
        int folder = entryName.lastIndexOf(FOLDER);
        String source = entryName.substring(0, folder)
                + entryName.substring(folder + FOLDER.length(), entryName.length() - SUFFIX.length());
        parser.parse(in, new Handler(source));
    }

    /** The relationships of the part named {@code source} ({@code ""} for the package), in the order listed. */
    List<Relationship> of(String source) {
        return bySource.getOrDefault(source, List.of());
    }

    private final class Handler extends DefaultHandler {

        private final String source;

        Handler(String source) {
            this.source = source;
        }

        @Override
        public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) {
            if (kept >= MAX_RELATIONSHIPS || !"Relationship".equals(localName)
                    || "External".equals(attributes.getValue("TargetMode"))) {
                return;
            }
            String type = attributes.getValue("Type");
            String target = attributes.getValue("Target");
            if (type == null || target == null) {
                return;
            }
            String kind = type.substring(type.lastIndexOf('/') + 1);
            String entryName = kinds.contains(kind) ? resolve(target) : null;
            if (entryName != null) {
                bySource.computeIfAbsent(source, any -> new ArrayList<>()).add(new Relationship(kind, entryName));
                kept++;
            }
        }

        /** The ZIP entry name of {@code target}, relative to the source part's folder; null when it is no part name. */
        private String resolve(String target) {
            try {
                URI base = new URI(null, null, "/" + source, null);
                String path = base.resolve(new URI(target)).getPath();
                return path == null || !path.startsWith("/") ? null : path.substring(1);
            } catch (URISyntaxException | IllegalArgumentException notAPartName) {
                return null;
            }
        }
    }
}
