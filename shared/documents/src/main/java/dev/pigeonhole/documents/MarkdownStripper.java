package dev.pigeonhole.documents;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The words of a Markdown document without its markup (heading marks, emphasis, link targets, fences, HTML
 * tags), read with a CommonMark parser: linear in the input, where regular expressions over unbounded
 * spans were not.
 *
 * <p>The document is parsed in pieces of at most {@link #PIECE_CHARACTERS}, cut between paragraphs where it can:
 * the parser keeps a few hundred bytes per pending delimiter until its paragraph ends, so a million unmatched
 * brackets in one piece needed 150-250 MB of heap; in pieces they are read in 32 MB. Markup that straddles a cut
 * (a link, a fence) stays as text: its words are kept all the same.
 */
final class MarkdownStripper {

    static final int PIECE_CHARACTERS = 16_384;

    private static final Parser PARSER = Parser.builder().build();

    String strip(String markdown) {
        StringBuilder text = new StringBuilder(markdown.length());
        for (int start = 0; start < markdown.length(); ) {
            int end = pieceEnd(markdown, start);
            append((Document) PARSER.parse(markdown.substring(start, end)), text);
            start = end;
        }
        return text.toString();
    }

    /**
     * Where the piece from {@code start} ends: after the last blank line within {@link #PIECE_CHARACTERS}, else after
     * its last line break, else after its last space, else at the limit (never between the two halves of a
     * surrogate pair).
     */
    static int pieceEnd(String markdown, int start) {
        int limit = start + PIECE_CHARACTERS;
        if (limit >= markdown.length()) {
            return markdown.length();
        }
        int lineEnd = -1;
        for (int i = limit - 1; i >= start; i--) {
            if (markdown.charAt(i) == '\n') {
                if (lineEnd < 0) {
                    lineEnd = i;
                }
                if (endsBlankLine(markdown, start, i)) {
                    return i + 1;
                }
            }
        }
        if (lineEnd >= 0) {
            return lineEnd + 1;
        }
        for (int i = limit - 1; i > start; i--) {
            if (Character.isWhitespace(markdown.charAt(i))) {
                return i + 1;
            }
        }
        return Character.isHighSurrogate(markdown.charAt(limit - 1)) ? limit - 1 : limit;
    }

    /** True when the line that the break at {@code i} ends holds nothing but spaces (or a carriage return). */
    private static boolean endsBlankLine(String markdown, int start, int i) {
        for (int j = i - 1; j >= start; j--) {
            char c = markdown.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return false;
    }

    private static void append(Document document, StringBuilder text) {
        // Walked with a loop, not the recursive visitor: 100,000 nested quotes must not overflow the stack.
        Node node = document.getFirstChild();
        while (node != null) {
            boolean descend = enter(node, text);
            if (descend && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != document) {
                leave(node, text);
                if (node.getNext() != null) {
                    node = node.getNext();
                    break;
                }
                node = node.getParent();
            }
            if (node == document) {
                break;
            }
        }
    }

    /** Writes what {@code node} itself holds; true when its children hold text to write. */
    private static boolean enter(Node node, StringBuilder text) {
        if (node instanceof Text literal) {
            text.append(literal.getLiteral());
        } else if (node instanceof Code code) {
            text.append(code.getLiteral());
        } else if (node instanceof FencedCodeBlock fenced) {
            text.append(fenced.getLiteral());
        } else if (node instanceof IndentedCodeBlock indented) {
            text.append(indented.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            text.append('\n');
        } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
            return false;
        } else if (node instanceof Link link && isAutolink(link)) {
            return false;
        }
        return true;
    }

    /** Ends a block on its own line, so that words of two paragraphs or list items never run together. */
    private static void leave(Node node, StringBuilder text) {
        if (node instanceof Block && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** {@code <https://...>}: the link's only text is its address, which is not a word of the document. */
    private static boolean isAutolink(Link link) {
        return link.getFirstChild() instanceof Text only && only.getNext() == null
                && link.getDestination().endsWith(only.getLiteral());
    }
}
