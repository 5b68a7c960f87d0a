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
 */
final class MarkdownStripper {

    private static final Parser PARSER = Parser.builder().build();

    String strip(String markdown) {
        Document document = (Document) PARSER.parse(markdown);
        StringBuilder text = new StringBuilder(markdown.length());
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
        return text.toString();
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
