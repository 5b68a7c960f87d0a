package dev.pigeonhole.documents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;

/**
 * The first pages of a PDF's page tree, found by walking it only as far as they lie, each kid read when it is
 * reached: PDFBox's own page iterator reads every page object before it returns the first, and a tree of 60,000
 * pages (8.5 MB) took 70-128 MB of heap for a reader that extracts 200 of them. A node already walked is not walked
 * again (a tree can be made a cycle).
 */
final class FirstPages {

    /** A node's kids and the next one to read. */
    private static final class Kids {
        private final COSArray array;
        private int next;

        Kids(COSArray array) {
            this.array = array;
        }
    }

    private FirstPages() {
    }

    /** The dictionaries of the first {@code count} pages under {@code root}, in document order. */
    static List<COSDictionary> of(COSDictionary root, int count) {
        List<COSDictionary> pages = new ArrayList<>();
        Set<COSDictionary> walked = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Kids> path = new ArrayDeque<>();
        visit(root, root, pages, walked, path);
        while (!path.isEmpty() && pages.size() < count) {
            Kids kids = path.peek();
            if (kids.next >= kids.array.size()) {
                path.pop();
            } else if (kids.array.getObject(kids.next++) instanceof COSDictionary kid) {
                visit(kid, root, pages, walked, path);
            }
        }
        return pages;
    }

    private static void visit(COSDictionary node, COSDictionary root, List<COSDictionary> pages,
            Set<COSDictionary> walked, Deque<Kids> path) {
        if (!walked.add(node)) {
            return;
        }
        if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            path.push(new Kids(kids));
        } else if (node != root) {
            pages.add(node);
        }
    }
}
