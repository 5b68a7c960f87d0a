package dev.pigeonhole.training.tabular;

import dev.pigeonhole.model.tabular.TabularClassifier;
import dev.pigeonhole.model.tabular.TreeEnsemble;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * smile-core's {@link RandomForest} (Gini splits, bootstrap samples, {@code sqrt(p)} features tried per split, one
 * seed per tree), exported to a {@link TreeEnsemble}: each tree's nodes in pre-order, each leaf with the Laplace-smoothed
 * class shares Smile itself predicts with, each tree weighted by its out-of-bag accuracy as Smile weighs it.
 */
public final class RandomForestTrainer implements TabularTrainer {

    private static final String LABEL = "__label__";

    private final int trees;
    private final int maxDepth;
    private final int nodeSize;
    private final long seed;

    public RandomForestTrainer(int trees, int maxDepth, int nodeSize, long seed) {
        if (trees < 1 || maxDepth < 2 || nodeSize < 1) {
            throw new IllegalArgumentException("a forest needs at least 1 tree, depth 2 and leaves of 1 row");
        }
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.nodeSize = nodeSize;
        this.seed = seed;
    }

    /** 200 trees, depth up to 20, leaves of 1 row or more. */
    public static RandomForestTrainer defaults(long seed) {
        return new RandomForestTrainer(200, 20, 1, seed);
    }

    @Override
    public String algorithm() {
        return "random-forest";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("trees", Integer.toString(trees));
        parameters.put("max_depth", Integer.toString(maxDepth));
        parameters.put("node_size", Integer.toString(nodeSize));
        parameters.put("features_per_split", "sqrt(p)");
        parameters.put("split_rule", "gini");
        parameters.put("seed", Long.toString(seed));
        return parameters;
    }

    @Override
    public TabularClassifier fit(double[][] x, int[] y, int classes) {
        return export(fitSmile(x, y), classes, x[0].length);
    }

    /** The Smile forest itself (tests compare its answers with the exported arrays'). */
    RandomForest fitSmile(double[][] x, int[] y) {
        int p = x[0].length;
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of(LABEL, y));
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        return RandomForest.fit(Formula.lhs(LABEL), frame, trees, mtry, SplitRule.GINI, maxDepth, Math.max(2, x.length),
                nodeSize, 1.0, null, LongStream.range(seed, seed + trees));
    }

    static TreeEnsemble export(RandomForest forest, int classes, int features) {
        RandomForest.Model[] models = forest.models();
        TreeEnsemble.Tree[] exported = new TreeEnsemble.Tree[models.length];
        for (int t = 0; t < models.length; t++) {
            exported[t] = exportTree(models[t].tree.root(), models[t].weight, classes);
        }
        return new TreeEnsemble(exported, classes, features);
    }

    private static TreeEnsemble.Tree exportTree(Node root, double weight, int classes) {
        List<Node> order = new ArrayList<>();
        collect(root, order);
        int n = order.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        float[][] leaves = new float[n][];
        Map<Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(order.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            Node node = order.get(i);
            if (node instanceof OrdinalNode split) {
                feature[i] = split.feature();
                threshold[i] = threshold(split);
                left[i] = index.get(split.trueChild());
                right[i] = index.get(split.falseChild());
            } else if (node instanceof DecisionNode leaf) {
                feature[i] = -1;
                double[] posterior = DecisionNode.posteriori(leaf.count(), new double[classes]);
                leaves[i] = new float[classes];
                for (int c = 0; c < classes; c++) {
                    leaves[i][c] = (float) posterior[c];
                }
            } else {
                throw new IllegalStateException("cannot export a " + node.getClass().getSimpleName()
                        + ": every feature is numeric, so every split should be ordinal");
            }
        }
        return new TreeEnsemble.Tree(weight, feature, threshold, left, right, leaves);
    }

    private static void collect(Node node, List<Node> order) {
        order.add(node);
        if (node instanceof InternalNode inner) {
            collect(inner.trueChild(), order);
            collect(inner.falseChild(), order);
        }
    }

    // Smile 3.1.1 keeps an ordinal split's threshold in a package-private field with no accessor; it is read once,
    // at export, and the exported forest is checked against Smile's own answers by the tests.
    private static final Field VALUE;

    static {
        try {
            VALUE = OrdinalNode.class.getDeclaredField("value");
            VALUE.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("smile-core's OrdinalNode has no 'value' field: " + e);
        }
    }

    private static double threshold(OrdinalNode split) {
        try {
            return VALUE.getDouble(split);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a split's threshold: " + e, e);
        }
    }
}
