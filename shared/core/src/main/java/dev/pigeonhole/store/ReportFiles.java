package dev.pigeonhole.store;

import java.util.List;

/** The names of the evaluation report files a version carries beside its model (written by training, shown when served). */
public final class ReportFiles {

    public static final String REPORT = "report.md";
    public static final String METRICS = "metrics.json";
    public static final String CONFUSION_MATRIX = "confusion-matrix.svg";

    /** All three, in the order a served version keeps them. */
    public static final List<String> ALL = List.of(METRICS, CONFUSION_MATRIX, REPORT);

    private ReportFiles() {
    }
}
