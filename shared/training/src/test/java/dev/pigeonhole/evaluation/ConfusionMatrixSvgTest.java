package dev.pigeonhole.evaluation;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionMatrixSvgTest {

    private static final List<String> LABELS = List.of("cat", "a<b & \"c\"", "dog's");
    private static final ConfusionMatrix MATRIX =
            new ConfusionMatrix(LABELS, new int[][] {{7, 3, 0}, {1, 11, 4}, {0, 0, 5}});

    @Test
    void isWellFormedSvg() throws Exception {
        Element root = parse(ConfusionMatrixSvg.render(MATRIX, "Model v3 <holdout>")).getDocumentElement();

        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    }

    @Test
    void writesEachCountInItsCellRowByRow() throws Exception {
        Document svg = parse(ConfusionMatrixSvg.render(MATRIX, "t"));

        List<String> cellTexts = new ArrayList<>();
        List<String> cellFills = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element cell = (Element) groups.item(i);
            cellTexts.add(cell.getElementsByTagNameNS("*", "text").item(0).getTextContent());
            cellFills.add(((Element) cell.getElementsByTagNameNS("*", "rect").item(0)).getAttribute("fill"));
        }

        assertEquals(List.of("7", "3", "0", "1", "11", "4", "0", "0", "5"), cellTexts);
        // Shade follows the row share: 0 → #f7fbff, 1 → #08306b; row "dog's" is 0, 0, 5/5.
        assertEquals(List.of("#f7fbff", "#f7fbff", "#08306b"), cellFills.subList(6, 9));
    }

    @Test
    void escapesLabelsAndTitle() throws Exception {
        String raw = ConfusionMatrixSvg.render(MATRIX, "Model v3 <holdout>");

        assertTrue(raw.contains(">a&lt;b &amp; &quot;c&quot;</text>"), raw);
        assertTrue(raw.contains(">dog&apos;s</text>"), raw);
        assertTrue(raw.contains(">Model v3 &lt;holdout&gt;</text>"), raw);
        List<String> texts = texts(parse(raw));
        for (String label : LABELS) {
            // once as a row label, once as a column label
            assertEquals(2, texts.stream().filter(label::equals).count(), label);
        }
        assertTrue(texts.contains("Model v3 <holdout>"));
    }

    @Test
    void rotatesColumnLabels() {
        String raw = ConfusionMatrixSvg.render(MATRIX, "t");

        assertEquals(3, raw.split("transform=\"rotate\\(-45 ", -1).length - 1);
    }

    @Test
    void isSelfContained() {
        String raw = ConfusionMatrixSvg.render(MATRIX, "t");

        assertFalse(raw.contains("<script"));
        assertFalse(raw.contains("href"));
        assertFalse(raw.contains("url("));
        assertFalse(raw.contains("@import"));
        assertTrue(raw.contains("font-family=\"sans-serif\""));
    }

    @Test
    void emptyRowIsShadedAsZero() throws Exception {
        ConfusionMatrix m = new ConfusionMatrix(List.of("x", "y"), new int[][] {{0, 0}, {2, 2}});

        Document svg = parse(ConfusionMatrixSvg.render(m, "t"));

        NodeList rects = svg.getElementsByTagNameNS("*", "g");
        assertEquals("#f7fbff", ((Element) ((Element) rects.item(0)).getElementsByTagNameNS("*", "rect").item(0))
                .getAttribute("fill"));
        // share 1/2 → each channel halfway: (0xf7+0x08)/2 = 127.5 → 0x80, (0xfb+0x30)/2 = 149.5 → 0x96,
        // (0xff+0x6b)/2 = 181 → 0xb5
        assertEquals("#8096b5", ((Element) ((Element) rects.item(2)).getElementsByTagNameNS("*", "rect").item(0))
                .getAttribute("fill"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
