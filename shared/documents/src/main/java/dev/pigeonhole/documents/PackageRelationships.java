package dev.pigeonhole.documents;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The internal relationships of one OOXML part ({@code _rels/.rels} for the package, {@code word/_rels/document.xml.rels}
 * for the document), read as a stream: each as its type's last word ({@code officeDocument}, {@code header}, ...)
 * and the ZIP entry name it points to.
 */
final class PackageRelationships extends DefaultHandler {

    /** One relationship: the last word of its type and the entry name of its target. */
    record Relationship(String kind, String entryName) {
    }

    private final String source;
    private final Set<String> kinds;
    private final Predicate<String> isEntry;
    private final List<Relationship> relationships = new ArrayList<>();

    /**
     * Relationships of the part named {@code source} ({@code ""} for the package itself) of the given kinds whose
     * target {@code isEntry}: what is kept is bounded by the ZIP's entries, not by the relationships it lists.
     */
    PackageRelationships(String source, Set<String> kinds, Predicate<String> isEntry) {
        this.source = source;
        this.kinds = kinds;
        this.isEntry = isEntry;
    }

    /** Where the relationships of the part named {@code source} are kept. */
    static String entryNameFor(String source) {
        int slash = source.lastIndexOf('/');
        return source.substring(0, slash + 1) + "_rels/" + source.substring(slash + 1) + ".rels";
    }

    List<Relationship> relationships() {
        return relationships;
    }

    @Override
    public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) {
        if (!"Relationship".equals(localName) || "External".equals(attributes.getValue("TargetMode"))) {
            return;
        }
        String type = attributes.getValue("Type");
        String target = attributes.getValue("Target");
        if (type == null || target == null) {
            return;
        }
        String kind = type.substring(type.lastIndexOf('/') + 1);
        if (!kinds.contains(kind)) {
            return;
        }
        String entryName = resolve(target);
        if (entryName != null && isEntry.test(entryName)) {
            relationships.add(new Relationship(kind, entryName));
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
