package dev.pigeonhole.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders classification metrics as a human-readable Markdown evaluation report. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * Renders the title, a context table (e.g. version, algorithm, data; omitted when empty), the summary scores,
     * the per-label scores and the confusion matrix. Scores have 4 decimals; {@code |} in any cell is escaped.
     */
    public static String render(String title, ClassificationMetrics metrics, Map<String, String> context) {
        StringBuilder md = new StringBuilder(2048);
        md.append("# ").append(singleLine(title)).append("\n\n");

        if (!context.isEmpty()) {
            md.append("| Key | Value |\n|---|---|\n");
            context.forEach((key, value) -> row(md, List.of(cell(key), cell(value))));
            md.append('\n');
        }

        md.append("## Summary\n\n| Metric | Value |\n|---|---:|\n");
        metrics.summary().forEach((name, value) -> row(md, List.of(name, decimal(value))));
        row(md, List.of("samples", Integer.toString(metrics.count())));
        md.append('\n');

        md.append("## Per class\n\n| Label | Precision | Recall | F1 | Support |\n|---|---:|---:|---:|---:|\n");
        for (ClassMetrics c : metrics.perClass()) {
            row(md, List.of(cell(c.label()), decimal(c.precision()), decimal(c.recall()), decimal(c.f1()),
                    Integer.toString(c.support())));
        }
        md.append('\n');

        ConfusionMatrix matrix = metrics.confusionMatrix();
        List<String> labels = matrix.labels();
        md.append("## Confusion matrix\n\nRows are true labels, columns predicted labels.\n\n");
        md.append("| True \\ Predicted |");
        labels.forEach(label -> md.append(' ').append(cell(label)).append(" |"));
        md.append("\n|---|");
        labels.forEach(label -> md.append("---:|"));
        md.append('\n');
        for (int t = 0; t < labels.size(); t++) {
            md.append("| ").append(cell(labels.get(t))).append(" |");
            for (int p = 0; p < labels.size(); p++) {
                md.append(' ').append(matrix.count(t, p)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Table cell text: a pipe would end the cell and a line break the row. */
    private static String cell(String text) {
        return singleLine(text).replace("|", "\\|");
    }

    private static String singleLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
