package dev.pigeonhole.model.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.model.ModelFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain tabular format: written, read back, and refused when tampered with. */
class TabularModelCodecTest {

    private static final List<FeatureSummary> FEATURES = List.of(
            new FeatureSummary("a", 0, 10, 5, 2, List.of(5.0), List.of(0.5, 0.5)),
            new FeatureSummary("b", -1, 1, 0, 0.5, List.of(), List.of(1.0)));

    // Root splits on b <= 0.25: left a leaf (class 0 likely), right splits on a <= 4.5.
    private static TreeEnsemble forest() {
        TreeEnsemble.Tree tree = new TreeEnsemble.Tree(1.0, new int[] {1, -1, 0, -1, -1},
                new double[] {0.25, 0, 4.5, 0, 0}, new int[] {1, 0, 3, 0, 0}, new int[] {2, 0, 4, 0, 0},
                new float[][] {null, {0.9f, 0.1f}, null, {0.2f, 0.8f}, {0.5f, 0.5f}});
        return new TreeEnsemble(new TreeEnsemble.Tree[] {tree}, 2, 2);
    }

    @Test
    void aForestReadsBackAndWalksEachRowToItsLeaf() {
        TabularModel model = new TabularModel(FEATURES, forest(), List.of("no", "yes"));
        TabularModel decoded = new TabularModelCodec().decode(new TabularModelCodec().encode(model));

        assertArrayEquals(new double[] {0.9f, 0.1f}, decoded.classifier().probabilities(new double[] {9, 0.25}), 1e-6);
        assertArrayEquals(new double[] {0.2f, 0.8f}, decoded.classifier().probabilities(new double[] {4.5, 0.3}), 1e-6);
        assertArrayEquals(new double[] {0.5, 0.5}, decoded.classifier().probabilities(new double[] {4.6, 0.3}), 1e-9);
        assertEquals(List.of("a"), decoded.classify(new double[] {11, 0}).outOfRange());
        assertEquals(FEATURES, decoded.features());
    }

    @Test
    void aLinearModelReadsBack() {
        StandardisedLinearModel linear = new StandardisedLinearModel(new double[] {1, 2}, new double[] {2, 4},
                new double[][] {{0.5, -1}, {0, 0}}, new double[] {0.1, 0});
        TabularModel decoded = new TabularModelCodec().decode(new TabularModelCodec().encode(
                new TabularModel(FEATURES, linear, List.of("no", "yes"))));

        double[] x = {3, -2};
        assertArrayEquals(linear.probabilities(x), decoded.classifier().probabilities(x), 0);
        double score = 0.1 + 0.5 * (3 - 1) / 2.0 - 1 * (-2 - 2) / 4.0;
        assertEquals(Math.exp(score) / (Math.exp(score) + 1), decoded.classifier().probabilities(x)[0], 1e-12);
    }

    @Test
    void aChildPointingBackwardsOrATruncatedFileIsRefused() {
        Map<String, byte[]> files = new HashMap<>(new TabularModelCodec().encode(
                new TabularModel(FEATURES, forest(), List.of("no", "yes"))));
        byte[] trees = files.get(TabularModelCodec.TREES_FILE);

        byte[] truncated = Arrays.copyOf(trees, trees.length - 3);
        files.put(TabularModelCodec.TREES_FILE, truncated);
        assertTrue(assertThrows(ModelFormatException.class, () -> new TabularModelCodec().decode(files)).getMessage()
                .startsWith("trees.bin is truncated or inconsistent"));

        byte[] loop = trees.clone();
        // Header 16 bytes, tree weight 8 and node count 4; root: feature 4, threshold 8, then its first child.
        ByteBuffer.wrap(loop).order(ByteOrder.LITTLE_ENDIAN).putInt(16 + 12 + 4 + 8, 0);
        files.put(TabularModelCodec.TREES_FILE, loop);
        assertTrue(assertThrows(ModelFormatException.class, () -> new TabularModelCodec().decode(files)).getMessage()
                .contains("node 0 has children 0 and 2: they must come after it"));
    }

    @Test
    void aRowNamesEveryWrongFeature() {
        TabularModel model = new TabularModel(FEATURES, forest(), List.of("no", "yes"));
        Map<String, Object> row = new HashMap<>();
        row.put("a", "3");
        row.put("c", 1);

        InvalidFeaturesException e = assertThrows(InvalidFeaturesException.class, () -> model.row(row, "\"features\""));
        assertEquals(List.of("\"a\" is the string \"3\", not a number", "\"b\" is missing",
                "\"c\" is not a feature of this model"), e.problems());
    }
}
