package dev.pigeonhole.model.tabular;

import java.util.Arrays;
import java.util.Objects;

/**
 * A forest of binary decision trees in plain arrays (docs/model-format.md): per tree, for every node its feature index
 * ({@code -1} for a leaf), its threshold (a row goes to the first child when its value is {@code <=} the threshold,
 * to the second otherwise), its two children, and for leaves one probability per class. The forest's probabilities
 * are the weighted mean of the leaves the row reaches, one per tree.
 */
public final class TreeEnsemble implements TabularClassifier {

    private final Tree[] trees;
    private final int classes;
    private final int features;
    private final double totalWeight;

    public TreeEnsemble(Tree[] trees, int classes, int features) {
        if (trees.length == 0) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        double total = 0;
        for (Tree tree : trees) {
            tree.check(classes, features);
            total += tree.weight();
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the trees' weights must add up to more than 0");
        }
        this.trees = trees.clone();
        this.classes = classes;
        this.features = features;
        this.totalWeight = total;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public int numFeatures() {
        return features;
    }

    @Override
    public String kind() {
        return "forest";
    }

    public Tree[] trees() {
        return trees.clone();
    }

    @Override
    public double[] probabilities(double[] x) {
        double[] sum = new double[classes];
        for (Tree tree : trees) {
            float[] leaf = tree.leaf(x);
            double w = tree.weight() / totalWeight;
            for (int c = 0; c < classes; c++) {
                sum[c] += w * leaf[c];
            }
        }
        double total = 0;
        for (double p : sum) {
            total += p;
        }
        for (int c = 0; c < classes; c++) {
            sum[c] /= total;
        }
        return sum;
    }

    /**
     * One tree; node 0 is the root and every child comes after its parent, so a walk always ends at a leaf.
     * {@code leafProbabilities[node]} is null for inner nodes.
     */
    public record Tree(double weight, int[] feature, double[] threshold, int[] left, int[] right,
                       float[][] leafProbabilities) {

        public Tree {
            Objects.requireNonNull(feature, "feature");
            int n = feature.length;
            if (n == 0 || threshold.length != n || left.length != n || right.length != n || leafProbabilities.length != n) {
                throw new IllegalArgumentException("a tree's node arrays must be non-empty and of one length");
            }
        }

        public int size() {
            return feature.length;
        }

        float[] leaf(double[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return leafProbabilities[node];
        }

        void check(int classes, int features) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("a tree's weight must be finite and at least 0, got " + weight);
            }
            for (int i = 0; i < feature.length; i++) {
                if (feature[i] < 0) {
                    if (feature[i] != -1 || leafProbabilities[i] == null || leafProbabilities[i].length != classes) {
                        throw new IllegalArgumentException("leaf " + i + " must have feature -1 and " + classes
                                + " probabilities");
                    }
                    continue;
                }
                if (feature[i] >= features) {
                    throw new IllegalArgumentException("node " + i + " reads feature " + feature[i] + " of " + features);
                }
                if (left[i] <= i || right[i] <= i || left[i] >= feature.length || right[i] >= feature.length) {
                    throw new IllegalArgumentException("node " + i + " has children " + left[i] + " and " + right[i]
                            + ": they must come after it and within the tree's " + feature.length + " nodes");
                }
                if (Double.isNaN(threshold[i])) {
                    throw new IllegalArgumentException("node " + i + " has no threshold");
                }
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tree t && weight == t.weight && Arrays.equals(feature, t.feature)
                    && Arrays.equals(threshold, t.threshold) && Arrays.equals(left, t.left)
                    && Arrays.equals(right, t.right) && Arrays.deepEquals(leafProbabilities, t.leafProbabilities);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(feature) * 31 + Arrays.hashCode(threshold);
        }

        @Override
        public String toString() {
            return "Tree[" + feature.length + " nodes, weight " + weight + "]";
        }
    }
}
