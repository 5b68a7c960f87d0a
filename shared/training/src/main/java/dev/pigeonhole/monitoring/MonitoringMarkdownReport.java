package dev.pigeonhole.monitoring;

import java.util.Locale;

/** Renders the checks of a {@link MonitoringReport} as a Markdown section. */
public final class MonitoringMarkdownReport {

    private MonitoringMarkdownReport() {
    }

    public static String render(MonitoringReport report) {
        StringBuilder md = new StringBuilder("## Feedback monitoring\n\n");
        if (report.checks().isEmpty()) {
            return md.append("No feedback yet: nothing to compare.\n").toString();
        }
        md.append("Overall: **").append(report.overall().word()).append("** on ").append(report.feedbackCount())
                .append(" feedback records.\n\n| Check | Statistic | Value | Verdict | What it means |\n|---|---|---:|---|---|\n");
        for (DriftCheck check : report.checks()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %s |%n", check.name(), check.statistic(),
                    check.value(), check.verdict().word(), check.explanation().replace("|", "\\|")));
        }
        return md.toString();
    }
}
