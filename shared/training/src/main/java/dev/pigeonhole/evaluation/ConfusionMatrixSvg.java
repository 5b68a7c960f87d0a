package dev.pigeonhole.evaluation;

import org.apache.commons.text.StringEscapeUtils;

import java.util.List;
import java.util.Locale;

/** Draws a confusion matrix as a self-contained SVG heat map, shaded by the share of each true label. */
public final class ConfusionMatrixSvg {

    private static final int CELL = 56;
    private static final int FONT_SIZE = 12;
    // Rough advance of one character at FONT_SIZE in a generic sans-serif font; used only to reserve room.
    private static final int CHAR_WIDTH = 7;
    private static final int GAP = 8;
    private static final int TITLE_BAND = 40;
    private static final int AXIS_TITLE_BAND = 28;
    private static final double COS_45 = Math.sqrt(0.5);
    private static final int[] LIGHT = {0xf7, 0xfb, 0xff};
    private static final int[] DARK = {0x08, 0x30, 0x6b};

    private ConfusionMatrixSvg() {
    }

    /**
     * Renders the matrix: rows are true labels, columns predicted labels (written at 45°), each cell showing its
     * count and shaded by count / row total. The SVG uses only a generic font family and no scripts.
     */
    public static String render(ConfusionMatrix matrix, String title) {
        List<String> labels = matrix.labels();
        int k = labels.size();
        int longestLabel = 1;
        for (String label : labels) {
            longestLabel = Math.max(longestLabel, label.length());
        }
        int labelSpan = longestLabel * CHAR_WIDTH;
        int gridLeft = AXIS_TITLE_BAND + labelSpan + GAP;
        int gridTop = TITLE_BAND;
        int gridSize = k * CELL;
        int gridBottom = gridTop + gridSize;
        int columnLabelDepth = (int) Math.ceil(labelSpan * COS_45) + 2 * GAP;
        int width = Math.max(gridLeft + gridSize + 2 * GAP, title.length() * (CHAR_WIDTH + 2) + 2 * GAP);
        int height = gridBottom + columnLabelDepth + AXIS_TITLE_BAND;

        StringBuilder svg = new StringBuilder(1024 + k * k * 256);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"%d\">\n",
                width, height, width, height, FONT_SIZE));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append(format("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height));
        svg.append(format("<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">%s</text>\n",
                GAP, TITLE_BAND / 2 + 6, escape(title)));

        for (int t = 0; t < k; t++) {
            int rowTotal = matrix.rowTotal(t);
            for (int p = 0; p < k; p++) {
                int count = matrix.count(t, p);
                double share = rowTotal == 0 ? 0.0 : (double) count / rowTotal;
                int x = gridLeft + p * CELL;
                int y = gridTop + t * CELL;
                svg.append(format("<g class=\"cell\"><title>true %s, predicted %s: %d (%.1f%% of the row)</title>",
                        escape(labels.get(t)), escape(labels.get(p)), count, 100 * share));
                svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                        + "stroke=\"#ffffff\"/>", x, y, CELL, CELL, shade(share)));
                svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" dominant-baseline=\"central\" "
                        + "fill=\"%s\">%d</text></g>\n",
                        x + CELL / 2, y + CELL / 2, share > 0.5 ? "#ffffff" : "#000000", count));
            }
        }

        for (int t = 0; t < k; t++) {
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" dominant-baseline=\"central\">%s</text>\n",
                    gridLeft - GAP, gridTop + t * CELL + CELL / 2, escape(labels.get(t))));
        }
        for (int p = 0; p < k; p++) {
            int x = gridLeft + p * CELL + CELL / 2;
            int y = gridBottom + GAP + FONT_SIZE / 2;
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-45 %d %d)\">%s</text>\n",
                    x, y, x, y, escape(labels.get(p))));
        }

        int axisX = AXIS_TITLE_BAND / 2;
        int axisY = gridTop + gridSize / 2;
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\" "
                + "transform=\"rotate(-90 %d %d)\">True label</text>\n", axisX, axisY, axisX, axisY));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">"
                + "Predicted label</text>\n",
                gridLeft + gridSize / 2, height - AXIS_TITLE_BAND / 2 + FONT_SIZE / 2));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Linear blend from a near-white to a dark blue as {@code share} goes from 0 to 1. */
    private static String shade(double share) {
        StringBuilder hex = new StringBuilder("#");
        for (int channel = 0; channel < 3; channel++) {
            int value = (int) Math.round(LIGHT[channel] + (DARK[channel] - LIGHT[channel]) * share);
            hex.append(format("%02x", value));
        }
        return hex.toString();
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeXml10(text);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
