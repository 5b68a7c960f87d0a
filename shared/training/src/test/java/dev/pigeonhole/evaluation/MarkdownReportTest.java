package dev.pigeonhole.evaluation;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MarkdownReportTest {

    /*
     * truth [spam, spam, ham|eggs, ham|eggs], predicted [spam, ham|eggs, ham|eggs, ham|eggs]:
     * precision spam 1, ham 2/3; recall spam 1/2, ham 1; f1 spam 2/3, ham 4/5.
     * accuracy 3/4, balanced 3/4, macro P 5/6, macro R 3/4, macro F1 11/15,
     * weighted P 5/6, weighted R 3/4, weighted F1 11/15.
     */
    private static final ClassificationMetrics METRICS = ClassificationMetrics.of(List.of("spam", "ham|eggs"),
            new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});

    @Test
    void rendersContextSummaryPerClassAndConfusionTables() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("version", "v7");
        context.put("algorithm", "maxent");
        context.put("data", "tickets|2024");

        String report = MarkdownReport.render("Evaluation of v7", METRICS, context);

        assertEquals("""
                # Evaluation of v7

                | Key | Value |
                |---|---|
                | version | v7 |
                | algorithm | maxent |
                | data | tickets\\|2024 |

                ## Summary

                | Metric | Value |
                |---|---:|
                | accuracy | 0.7500 |
                | balanced_accuracy | 0.7500 |
                | macro_precision | 0.8333 |
                | macro_recall | 0.7500 |
                | macro_f1 | 0.7333 |
                | weighted_precision | 0.8333 |
                | weighted_recall | 0.7500 |
                | weighted_f1 | 0.7333 |
                | samples | 4 |

                ## Per class

                | Label | Precision | Recall | F1 | Support |
                |---|---:|---:|---:|---:|
                | spam | 1.0000 | 0.5000 | 0.6667 | 2 |
                | ham\\|eggs | 0.6667 | 1.0000 | 0.8000 | 2 |

                ## Confusion matrix

                Rows are true labels, columns predicted labels.

                | True \\ Predicted | spam | ham\\|eggs |
                |---|---:|---:|
                | spam | 1 | 1 |
                | ham\\|eggs | 0 | 2 |
                """, report);
    }

    @Test
    void omitsTheContextTableWhenThereIsNoContext() {
        String report = MarkdownReport.render("Evaluation", METRICS, Map.of());

        assertFalse(report.contains("| Key | Value |"));
        assertEquals("# Evaluation\n\n## Summary\n\n| Metric | Value |", report.substring(0, report.indexOf("\n|---")));
    }

    @Test
    void keepsMultiLineValuesInOneRow() {
        String report = MarkdownReport.render("T", METRICS, Map.of("data", "line one\nline two"));

        assertEquals("| data | line one line two |", report.lines().filter(l -> l.startsWith("| data")).findFirst()
                .orElseThrow());
    }
}
