package dev.pigeonhole.monitoring;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.training.tabular.FeatureProfiler;
import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.model.tabular.FeatureSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the feedback rows of a tabular model with its reference data: per feature, the population stability index
 * over the reference deciles, the two-sample Kolmogorov-Smirnov statistic and the Wasserstein distance (in reference
 * standard deviations); the true-label and predicted-class distributions (PSI); and the model's quality on the
 * corrected rows (macro-F1, balanced accuracy, precision, recall).
 */
public final class TabularFeedbackMonitor {

    /** Fall of macro-F1 on feedback below the held-out figure that deserves a look, and action (as for text). */
    static final double F1_WARNING = 0.05;
    static final double F1_ALERT = 0.15;

    /**
     * Checks the feedback {@code records} (those with the reference's features) against {@code reference}; the model's
     * held-out macro-F1 ({@code heldOutMacroF1}, NaN when unknown) is the yardstick for its quality on feedback.
     */
    public MonitoringReport analyse(TabularDataset reference, List<FeedbackRecord> records, List<String> labels,
                                    double heldOutMacroF1) {
        List<String> names = reference.featureNames();
        List<FeedbackRecord> rows = records.stream()
                .filter(r -> r.features() != null && r.features().keySet().containsAll(names))
                .toList();
        if (rows.isEmpty()) {
            return new MonitoringReport(0, null, List.of());
        }
        List<DriftCheck> checks = new ArrayList<>();
        Map<String, Long> referenceLabels = reference.labelCounts();
        checks.add(labelCheck("label distribution", referenceLabels, count(rows, true),
                "true labels of the feedback against the labels of the reference data"));
        checks.add(labelCheck("predicted class distribution", referenceLabels, count(rows, false),
                "classes the model predicted for the feedback rows against the reference labels"));
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            double[] current = rows.stream().mapToDouble(r -> r.features().get(name)).toArray();
            checks.add(featureCheck(name, reference.column(j), current));
        }
        ClassificationMetrics metrics = metrics(rows, labels);
        checks.add(qualityCheck(metrics, heldOutMacroF1));
        return new MonitoringReport(rows.size(), metrics, checks);
    }

    static DriftCheck featureCheck(String name, double[] reference, double[] current) {
        FeatureSummary summary = FeatureProfiler.summarise(name, reference);
        double[] edges = summary.binEdges().stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Long> referenceBins = bins(edges, reference);
        Map<String, Long> currentBins = bins(edges, current);
        double psi = PopulationStability.index(referenceBins, currentBins);
        double ks = kolmogorovSmirnov(reference, current);
        double wasserstein = wasserstein(reference, current) / (summary.std() > 0 ? summary.std() : 1);
        double scale = Math.sqrt((reference.length + current.length) / (double) reference.length / current.length);
        Verdict ksVerdict = ks > 1.63 * scale ? Verdict.ALERT : ks > 1.36 * scale ? Verdict.WARNING : Verdict.OK;
        Verdict verdict = PopulationStability.verdict(psi).worst(ksVerdict);
        String explanation = String.format(Locale.ROOT, "PSI %.3f over the reference deciles, Kolmogorov-Smirnov D %.3f "
                        + "(%s at %d and %d rows), Wasserstein %.3f reference standard deviations; feedback mean %.3f "
                        + "against %.3f%s", psi, ks, ksVerdict == Verdict.ALERT ? "p < 0.01"
                        : ksVerdict == Verdict.WARNING ? "p < 0.05" : "not significant", reference.length, current.length,
                wasserstein, Arrays.stream(current).average().orElse(0), summary.mean(), switch (verdict) {
                    case OK -> ": stable";
                    case WARNING -> ": moderate shift, watch this feature";
                    case ALERT -> ": significant shift, the feedback does not look like the training data";
                });
        return new DriftCheck("feature " + name, "PSI", psi, verdict, explanation, referenceBins, currentBins);
    }

    /** The two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distribution functions. */
    static double kolmogorovSmirnov(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) x.length - j / (double) y.length));
        }
        return d;
    }

    /** The Wasserstein-1 distance between the two empirical distributions: the area between their distribution functions. */
    static double wasserstein(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        Arrays.sort(all);
        double area = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < all.length - 1; k++) {
            while (i < x.length && x[i] <= all[k]) {
                i++;
            }
            while (j < y.length && y[j] <= all[k]) {
                j++;
            }
            area += Math.abs(i / (double) x.length - j / (double) y.length) * (all[k + 1] - all[k]);
        }
        return area;
    }

    private static Map<String, Long> bins(double[] edges, double[] values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int b = 0; b <= edges.length; b++) {
            counts.put(label(edges, b), 0L);
        }
        for (double v : values) {
            counts.merge(label(edges, FeatureProfiler.bin(edges, v)), 1L, Long::sum);
        }
        return counts;
    }

    private static String label(double[] edges, int bin) {
        String index = String.format(Locale.ROOT, "%02d ", bin + 1);
        if (edges.length == 0) {
            return index + "all";
        }
        return index + (bin == 0 ? "<= " + edges[0] : "> " + edges[bin - 1]);
    }

    private static DriftCheck labelCheck(String name, Map<String, Long> reference, Map<String, Long> current, String what) {
        double psi = PopulationStability.index(reference, current);
        Verdict verdict = PopulationStability.verdict(psi);
        return new DriftCheck(name, "PSI", psi, verdict, String.format(Locale.ROOT, "%s: PSI %.3f, %s", what, psi,
                switch (verdict) {
                    case OK -> "stable (below 0.1)";
                    case WARNING -> "moderate shift (0.1 to 0.25): watch the classes that moved";
                    case ALERT -> "significant shift (above 0.25): the feedback does not look like the training data";
                }), reference, current);
    }

    private static DriftCheck qualityCheck(ClassificationMetrics metrics, double heldOutMacroF1) {
        double drop = Double.isNaN(heldOutMacroF1) ? 0 : heldOutMacroF1 - metrics.macroF1();
        Verdict verdict = drop > F1_ALERT ? Verdict.ALERT : drop > F1_WARNING ? Verdict.WARNING : Verdict.OK;
        String explanation = String.format(Locale.ROOT, "macro-F1 %.3f, balanced accuracy %.3f, macro precision %.3f, "
                        + "macro recall %.3f on %d corrected rows%s. People correct wrong answers more often than they "
                        + "confirm right ones, so these figures are a lower bound", metrics.macroF1(),
                metrics.balancedAccuracy(), metrics.macroPrecision(), metrics.macroRecall(), metrics.count(),
                Double.isNaN(heldOutMacroF1) ? "" : String.format(Locale.ROOT, ", against %.3f on held-out data",
                        heldOutMacroF1));
        return new DriftCheck("quality on feedback", "macro-F1 drop", drop, verdict, explanation, Map.of(), Map.of());
    }

    private static ClassificationMetrics metrics(List<FeedbackRecord> rows, List<String> modelLabels) {
        TreeSet<String> labels = new TreeSet<>(modelLabels);
        rows.forEach(r -> {
            labels.add(r.trueLabel());
            labels.add(r.predictedLabel());
        });
        List<String> all = List.copyOf(labels);
        int[] truth = rows.stream().mapToInt(r -> all.indexOf(r.trueLabel())).toArray();
        int[] predicted = rows.stream().mapToInt(r -> all.indexOf(r.predictedLabel())).toArray();
        return ClassificationMetrics.of(all, truth, predicted);
    }

    private static Map<String, Long> count(List<FeedbackRecord> rows, boolean truth) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(truth ? r.trueLabel() : r.predictedLabel(), 1L, Long::sum));
        return counts;
    }
}
