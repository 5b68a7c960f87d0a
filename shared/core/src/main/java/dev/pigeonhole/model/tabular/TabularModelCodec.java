package dev.pigeonhole.model.tabular;

import dev.pigeonhole.model.ModelFormatException;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TabularModel} as plain files and reads it back (docs/model-format.md, format
 * {@value #FORMAT}): {@code model.json} (labels, features with their ranges, and a linear model's arrays) and, for a
 * forest, {@code trees.bin}: little-endian {@code "PHTF"}, int trees, int classes, int features, then per tree a
 * float64 weight and an int node count, and per node an int feature index followed either (feature {@code >= 0}) by a
 * float64 threshold and the int indices of its two children, or (feature {@code -1}, a leaf) by one float32
 * probability per class. Nothing is deserialised as Java objects: decoding is filling arrays.
 */
public final class TabularModelCodec {

    public static final String FORMAT = "pigeonhole-tabular/1";
    public static final String MODEL_FILE = "model.json";
    public static final String TREES_FILE = "trees.bin";

    private static final int MAGIC = 0x46544850; // "PHTF" read little-endian

    private final ObjectMapper json;

    public TabularModelCodec(ObjectMapper json) {
        this.json = json;
    }

    public TabularModelCodec() {
        this(ObjectMapper.getDefault());
    }

    /** True when {@code files} hold a model of this format (model.json names it). */
    public boolean handles(Map<String, byte[]> files) {
        byte[] model = files.get(MODEL_FILE);
        if (model == null) {
            return false;
        }
        try {
            Probe probe = json.readValue(model, Probe.class);
            return probe != null && FORMAT.equals(probe.format());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public Map<String, byte[]> encode(TabularModel model) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        TabularClassifier classifier = model.classifier();
        TabularModelDescriptor descriptor;
        if (classifier instanceof TreeEnsemble forest) {
            descriptor = new TabularModelDescriptor(FORMAT, forest.kind(), model.labels(), model.features(),
                    forest.trees().length, null);
            files.put(TREES_FILE, encodeTrees(forest));
        } else if (classifier instanceof StandardisedLinearModel linear) {
            List<List<Double>> weights = new ArrayList<>();
            for (double[] row : linear.weights()) {
                weights.add(list(row));
            }
            descriptor = new TabularModelDescriptor(FORMAT, linear.kind(), model.labels(), model.features(), null,
                    new TabularModelDescriptor.Linear(list(linear.mean()), list(linear.scale()), weights,
                            list(linear.bias())));
        } else {
            throw new IllegalArgumentException("no plain format for " + classifier.getClass().getName());
        }
        try {
            files.put(MODEL_FILE, json.writeValueAsBytes(descriptor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Reads a model from its files; every inconsistency is a {@link ModelFormatException}. */
    public TabularModel decode(Map<String, byte[]> files) {
        byte[] bytes = files.get(MODEL_FILE);
        if (bytes == null) {
            throw new ModelFormatException("model file " + MODEL_FILE + " is missing");
        }
        TabularModelDescriptor descriptor;
        try {
            descriptor = json.readValue(bytes, TabularModelDescriptor.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(MODEL_FILE + " is not a valid tabular model descriptor: " + e.getMessage());
        }
        if (descriptor == null || !FORMAT.equals(descriptor.format()) || descriptor.labels() == null
                || descriptor.features() == null) {
            throw new ModelFormatException(MODEL_FILE + " is not a " + FORMAT + " descriptor with labels and features");
        }
        int classes = descriptor.labels().size();
        int features = descriptor.features().size();
        try {
            TabularClassifier classifier = switch (String.valueOf(descriptor.kind())) {
                case "forest" -> decodeTrees(files, descriptor, classes, features);
                case "linear" -> decodeLinear(descriptor);
                default -> throw new ModelFormatException("unsupported tabular model kind '" + descriptor.kind()
                        + "'; this build reads forest and linear");
            };
            return new TabularModel(descriptor.features(), classifier, descriptor.labels());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException("tabular model is inconsistent: " + e.getMessage());
        }
    }

    private static TabularClassifier decodeLinear(TabularModelDescriptor descriptor) {
        TabularModelDescriptor.Linear linear = descriptor.linear();
        if (linear == null) {
            throw new ModelFormatException(MODEL_FILE + " of a linear model has no \"linear\" arrays");
        }
        double[][] weights = linear.weights().stream().map(TabularModelCodec::array).toArray(double[][]::new);
        return new StandardisedLinearModel(array(linear.mean()), array(linear.scale()), weights, array(linear.bias()));
    }

    private static TreeEnsemble decodeTrees(Map<String, byte[]> files, TabularModelDescriptor descriptor, int classes,
                                            int features) {
        byte[] bytes = files.get(TREES_FILE);
        if (bytes == null) {
            throw new ModelFormatException("model file " + TREES_FILE + " is missing");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (in.getInt() != MAGIC) {
                throw new ModelFormatException(TREES_FILE + " does not start with the PHTF header");
            }
            int count = in.getInt();
            if (count != (descriptor.trees() == null ? -1 : descriptor.trees()) || in.getInt() != classes
                    || in.getInt() != features) {
                throw new ModelFormatException(TREES_FILE + " header does not match " + MODEL_FILE
                        + " (trees, classes, features)");
            }
            TreeEnsemble.Tree[] trees = new TreeEnsemble.Tree[count];
            for (int t = 0; t < count; t++) {
                double weight = in.getDouble();
                int nodes = in.getInt();
                // Each node takes at least 4 bytes: a count beyond what is left is a lie, refused before allocating.
                if (nodes <= 0 || nodes > in.remaining() / 4) {
                    throw new ModelFormatException(TREES_FILE + " tree " + t + " claims " + nodes + " nodes");
                }
                int[] feature = new int[nodes];
                double[] threshold = new double[nodes];
                int[] left = new int[nodes];
                int[] right = new int[nodes];
                float[][] leaves = new float[nodes][];
                for (int i = 0; i < nodes; i++) {
                    feature[i] = in.getInt();
                    if (feature[i] >= 0) {
                        threshold[i] = in.getDouble();
                        left[i] = in.getInt();
                        right[i] = in.getInt();
                    } else {
                        float[] p = new float[classes];
                        in.asFloatBuffer().get(p);
                        in.position(in.position() + 4 * classes);
                        leaves[i] = p;
                    }
                }
                trees[t] = new TreeEnsemble.Tree(weight, feature, threshold, left, right, leaves);
            }
            if (in.hasRemaining()) {
                throw new ModelFormatException(TREES_FILE + " has " + in.remaining() + " bytes after its last tree");
            }
            return new TreeEnsemble(trees, classes, features);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new ModelFormatException(TREES_FILE + " is truncated or inconsistent: " + e);
        }
    }

    private static byte[] encodeTrees(TreeEnsemble forest) {
        TreeEnsemble.Tree[] trees = forest.trees();
        int classes = forest.numClasses();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(trees.length).putInt(classes).putInt(forest.numFeatures());
        out.writeBytes(header.array());
        for (TreeEnsemble.Tree tree : trees) {
            int leafBytes = 4 + 4 * classes;
            ByteBuffer buffer = ByteBuffer.allocate(12 + tree.size() * Math.max(20, leafBytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.putDouble(tree.weight()).putInt(tree.size());
            for (int i = 0; i < tree.size(); i++) {
                buffer.putInt(tree.feature()[i]);
                if (tree.feature()[i] >= 0) {
                    buffer.putDouble(tree.threshold()[i]).putInt(tree.left()[i]).putInt(tree.right()[i]);
                } else {
                    for (float p : tree.leafProbabilities()[i]) {
                        buffer.putFloat(p);
                    }
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
        return out.toByteArray();
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @io.micronaut.serde.annotation.Serdeable
    record Probe(String format) {
    }
}
