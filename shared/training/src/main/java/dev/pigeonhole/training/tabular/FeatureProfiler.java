package dev.pigeonhole.training.tabular;

import dev.pigeonhole.model.tabular.FeatureSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Describes each feature of a data set for the manifest: range, mean, standard deviation and decile bins. */
public final class FeatureProfiler {

    /** The cut points between bins: the deciles. */
    static final int BINS = 10;

    private FeatureProfiler() {
    }

    public static List<FeatureSummary> profile(TabularDataset data) {
        List<FeatureSummary> summaries = new ArrayList<>();
        for (int j = 0; j < data.featureNames().size(); j++) {
            summaries.add(summarise(data.featureNames().get(j), data.column(j)));
        }
        return summaries;
    }

    public static FeatureSummary summarise(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).average().orElse(0);
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1);
        List<Double> edges = new ArrayList<>();
        for (int b = 1; b < BINS; b++) {
            double edge = sorted[(int) Math.floor(b * (sorted.length - 1) / (double) BINS)];
            // Ties (integer pixels, say) give fewer, wider bins rather than empty ones.
            if (edge < sorted[sorted.length - 1] && (edges.isEmpty() || edge > edges.get(edges.size() - 1))) {
                edges.add(edge);
            }
        }
        double[] edgeArray = edges.stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = new double[edgeArray.length + 1];
        for (double v : values) {
            counts[bin(edgeArray, v)]++;
        }
        List<Double> shares = new ArrayList<>();
        for (double count : counts) {
            shares.add(count / values.length);
        }
        return new FeatureSummary(name, sorted[0], sorted[sorted.length - 1], mean, Math.sqrt(variance), edges, shares);
    }

    /** The bin of {@code value}: the first whose upper edge is at least the value, or the last. */
    public static int bin(double[] edges, double value) {
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (value <= edges[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
