package dev.pigeonhole.monitoring;

import dev.pigeonhole.evaluation.ClassMetrics;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.ConfusionMatrixSvg;
import org.apache.commons.text.StringEscapeUtils;

import java.util.Locale;
import java.util.Map;

/** Renders a {@link MonitoringReport} as one self-contained HTML page: no script, no external resource. */
public final class MonitoringHtmlReport {

    private static final String STYLE = "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;"
            + "padding:.3rem .6rem;text-align:left}td.n{text-align:right}.ok{background:#d9f2d9}.warning{background:"
            + "#fff1c2}.alert{background:#f9d0d0}.badge{padding:.1rem .5rem;border-radius:.3rem;font-weight:bold}"
            + "figure{margin:1rem 0}svg{max-width:100%;height:auto}";

    private MonitoringHtmlReport() {
    }

    public static String render(String title, MonitoringReport report, Map<String, String> context) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        Verdict overall = report.overall();
        html.append("<p>Overall: ").append(badge(overall)).append(" on ").append(report.feedbackCount())
                .append(" feedback records.</p>\n<table>");
        context.forEach((key, value) -> html.append("<tr><th>").append(escape(key)).append("</th><td>")
                .append(escape(value)).append("</td></tr>"));
        html.append("</table>\n");
        if (report.checks().isEmpty()) {
            html.append("<p>No feedback yet: nothing to compare.</p>\n</body></html>\n");
            return html.toString();
        }
        html.append("<h2>Checks</h2>\n<table><tr><th>check</th><th>statistic</th><th>value</th><th>verdict</th>"
                + "<th>what it means</th></tr>\n");
        for (DriftCheck check : report.checks()) {
            html.append("<tr><td>").append(escape(check.name())).append("</td><td>").append(escape(check.statistic()))
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.3f", check.value()))
                    .append("</td><td>").append(badge(check.verdict())).append("</td><td>")
                    .append(escape(check.explanation())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Distributions</h2>\n");
        for (DriftCheck check : report.checks()) {
            if (!check.reference().isEmpty()) {
                html.append("<figure>").append(DistributionChartSvg.render(check.name(), check.reference(),
                        check.current())).append("</figure>\n");
            }
        }
        ClassificationMetrics metrics = report.feedbackMetrics();
        html.append("<h2>Quality on feedback</h2>\n<table>");
        metrics.summary().forEach((name, value) -> html.append("<tr><th>").append(escape(name))
                .append("</th><td class=\"n\">").append(String.format(Locale.ROOT, "%.4f", value)).append("</td></tr>"));
        html.append("</table>\n<table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>");
        for (ClassMetrics c : metrics.perClass()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td>"
                    + "<td class=\"n\">%.3f</td><td class=\"n\">%d</td></tr>", escape(c.label()), c.precision(),
                    c.recall(), c.f1(), c.support()));
        }
        html.append("</table>\n<figure>")
                .append(ConfusionMatrixSvg.render(metrics.confusionMatrix(), "Confusion matrix on feedback")
                        .replaceFirst("^<\\?xml[^>]*>\\s*", ""))
                .append("</figure>\n</body></html>\n");
        return html.toString();
    }

    private static String badge(Verdict verdict) {
        return "<span class=\"badge " + verdict.word() + "\">" + verdict.word() + "</span>";
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}
