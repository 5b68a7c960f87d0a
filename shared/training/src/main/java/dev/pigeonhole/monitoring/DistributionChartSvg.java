package dev.pigeonhole.monitoring;

import org.apache.commons.text.StringEscapeUtils;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A horizontal grouped bar chart of two distributions' shares per category, as inline SVG. */
final class DistributionChartSvg {

    private static final int LABEL_WIDTH = 150;
    private static final int BAR_WIDTH = 300;
    private static final int ROW = 30;

    private DistributionChartSvg() {
    }

    static String render(String title, Map<String, Long> reference, Map<String, Long> current) {
        // Categories in the reference's order (labels sorted, length buckets ascending), then any new ones.
        Set<String> rows = new LinkedHashSet<>(reference.keySet());
        rows.addAll(current.keySet());
        double referenceTotal = Math.max(1, reference.values().stream().mapToLong(Long::longValue).sum());
        double currentTotal = Math.max(1, current.values().stream().mapToLong(Long::longValue).sum());
        StringBuilder bars = new StringBuilder();
        int y = 40;
        for (String category : rows) {
            double r = reference.getOrDefault(category, 0L) / referenceTotal;
            double c = current.getOrDefault(category, 0L) / currentTotal;
            bars.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"11\" class=\"reference\"/>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"11\" class=\"current\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"value\">%.1f%% / %.1f%%</text>%n",
                    LABEL_WIDTH - 6, y + 14, escape(category),
                    LABEL_WIDTH, y, r * BAR_WIDTH, LABEL_WIDTH, y + 12, c * BAR_WIDTH,
                    LABEL_WIDTH + Math.max(r, c) * BAR_WIDTH + 6, y + 16, 100 * r, 100 * c));
            y += ROW;
        }
        int width = LABEL_WIDTH + BAR_WIDTH + 130;
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
                        + "<style>.label,.value,.title,.legend{font:12px sans-serif;fill:#222}.title{font-weight:bold}"
                        + ".reference{fill:#8da0cb}.current{fill:#fc8d62}</style>"
                        + "<text x=\"0\" y=\"16\" class=\"title\">%s</text>"
                        + "<rect x=\"%d\" y=\"22\" width=\"10\" height=\"10\" class=\"reference\"/>"
                        + "<text x=\"%d\" y=\"31\" class=\"legend\">reference</text>"
                        + "<rect x=\"%d\" y=\"22\" width=\"10\" height=\"10\" class=\"current\"/>"
                        + "<text x=\"%d\" y=\"31\" class=\"legend\">feedback</text>%n%s</svg>",
                width, y + 10, width, y + 10, escape(title), escape(title),
                LABEL_WIDTH, LABEL_WIDTH + 14, LABEL_WIDTH + 90, LABEL_WIDTH + 104, bars);
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeXml10(text);
    }
}
