package dev.pigeonhole.model;

import dev.pigeonhole.text.HashedFeatureSpec;
import dev.pigeonhole.text.HashedTextFeatures;
import io.micronaut.serde.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Format 2 of a {@link TextModel}, for hashed features (docs/model-format.md):
 * <ul>
 *   <li>{@code model.json}: format, labels, hashing and n-gram settings, dimension, temperature;</li>
 *   <li>{@code features.bin}: {@code "PHHF"}, int count, the kept buckets as unsigned LEB128 deltas, a palette of
 *       distinct IDF values (int size, float32 each) and one LEB128 palette index per feature;</li>
 *   <li>{@code weights.bin}: {@code "PHQ8"}, int classes, int features, float32 scale and bias per class, then
 *       classes x features int8 weights (row per class); a weight is its int8 times its class's scale.</li>
 * </ul>
 * No vocabulary of strings: decoding is filling arrays, which keeps a cold start short.
 */
public final class HashedModelCodec {

    public static final String FORMAT = "pigeonhole-linear-text/2";
    /** Format 2 with character n-grams within white-space tokens (punctuation included): model.json says so. */
    public static final String FORMAT_WHITESPACE_CHARS = "pigeonhole-linear-text/3";
    static final String WHITESPACE = "whitespace";
    public static final String FEATURES_FILE = "features.bin";
    public static final String WEIGHTS_FILE = TextModelCodec.WEIGHTS_FILE;
    static final String HASH = "murmur3-32-utf16";
    static final String INT8_WEIGHTS = "int8, one scale per class";

    private static final int FEATURES_MAGIC = 0x46484850; // "PHHF" read little-endian
    private static final int WEIGHTS_MAGIC = 0x38514850; // "PHQ8" read little-endian

    private final ObjectMapper json;

    public HashedModelCodec(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, byte[]> encode(TextModel model) {
        HashedTextFeatures features = (HashedTextFeatures) model.features();
        HashedFeatureSpec spec = features.spec();
        LinearSoftmaxClassifier classifier = model.classifier();
        boolean whitespace = spec.charTokens() == HashedFeatureSpec.CharTokens.WHITESPACE;
        HashedModelDescriptor descriptor = new HashedModelDescriptor(whitespace ? FORMAT_WHITESPACE_CHARS : FORMAT,
                model.labels(), HASH, spec.bits(), spec.wordMaxN(), spec.charMinN(), spec.charMaxN(), spec.charShare(),
                "sublinear", "l2 per block", features.dimension(), INT8_WEIGHTS, classifier.temperature(),
                whitespace ? WHITESPACE : null);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            files.put(TextModelCodec.MODEL_FILE, json.writeValueAsBytes(descriptor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(FEATURES_FILE, encodeFeatures(features));
        files.put(WEIGHTS_FILE, encodeWeights(Int8Weights.quantise(classifier)));
        return files;
    }

    public TextModel decode(Map<String, byte[]> files) {
        HashedModelDescriptor descriptor = readDescriptor(TextModelCodec.require(files, TextModelCodec.MODEL_FILE));
        if (!HASH.equals(descriptor.hash()) || !INT8_WEIGHTS.equals(descriptor.weights())) {
            throw new ModelFormatException("unsupported hash '" + descriptor.hash() + "' or weights '"
                    + descriptor.weights() + "'; this build reads " + HASH + " and " + INT8_WEIGHTS);
        }
        boolean whitespace = FORMAT_WHITESPACE_CHARS.equals(descriptor.format());
        if (whitespace != WHITESPACE.equals(descriptor.charTokens())) {
            throw new ModelFormatException(TextModelCodec.MODEL_FILE + ": format " + descriptor.format()
                    + " with char_tokens " + descriptor.charTokens() + "; format 3 has char_tokens \"whitespace\", 2 none");
        }
        HashedFeatureSpec spec;
        try {
            spec = new HashedFeatureSpec(descriptor.wordNgramMax(), descriptor.charNgramMin(), descriptor.charNgramMax(),
                    descriptor.hashBits(), descriptor.charShare(),
                    whitespace ? HashedFeatureSpec.CharTokens.WHITESPACE : HashedFeatureSpec.CharTokens.WORDS);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(TextModelCodec.MODEL_FILE + ": " + e.getMessage());
        }
        HashedTextFeatures features = decodeFeatures(TextModelCodec.require(files, FEATURES_FILE), spec, descriptor);
        LinearSoftmaxClassifier classifier = decodeWeights(TextModelCodec.require(files, WEIGHTS_FILE), descriptor);
        return new TextModel(features, classifier, descriptor.labels());
    }

    private HashedModelDescriptor readDescriptor(byte[] bytes) {
        try {
            return json.readValue(bytes, HashedModelDescriptor.class);
        } catch (IOException e) {
            throw new ModelFormatException(TextModelCodec.MODEL_FILE + " is not a valid model descriptor: " + e.getMessage());
        }
    }

    private static byte[] encodeFeatures(HashedTextFeatures features) {
        int count = features.dimension();
        float[] palette = new float[count];
        for (int i = 0; i < count; i++) {
            palette[i] = features.idf(i);
        }
        // Highest IDF first: the rarest buckets are the most numerous, so they get the one-byte indices.
        float[] distinct = Arrays.stream(boxed(palette)).distinct().sorted((a, b) -> Float.compare(b, a))
                .collect(() -> new FloatList(), FloatList::add, FloatList::addAll).toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 4);
        Little.writeInt(out, FEATURES_MAGIC);
        Little.writeInt(out, count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            Little.writeVarint(out, features.bucket(i) - previous);
            previous = features.bucket(i);
        }
        Little.writeInt(out, distinct.length);
        for (float value : distinct) {
            Little.writeInt(out, Float.floatToIntBits(value));
        }
        for (int i = 0; i < count; i++) {
            Little.writeVarint(out, indexOf(distinct, features.idf(i)));
        }
        return out.toByteArray();
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    // Sorted descending, so a binary search on the negated order.
    private static int indexOf(float[] descending, float value) {
        int lo = 0;
        int hi = descending.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Float.compare(value, descending[mid]);
            if (c == 0) {
                return mid;
            }
            if (c > 0) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        throw new IllegalStateException("IDF value missing from its own palette");
    }

    private static HashedTextFeatures decodeFeatures(byte[] bytes, HashedFeatureSpec spec, HashedModelDescriptor descriptor) {
        try {
            Little.Reader in = new Little.Reader(bytes);
            if (in.readInt() != FEATURES_MAGIC) {
                throw new ModelFormatException(FEATURES_FILE + " does not start with the PHHF header");
            }
            int count = in.readInt();
            if (count != descriptor.dimension()) {
                throw new ModelFormatException(FEATURES_FILE + " holds " + count + " features, model.json says "
                        + descriptor.dimension());
            }
            int[] buckets = new int[count];
            int previous = -1;
            for (int i = 0; i < count; i++) {
                previous += in.readVarint();
                buckets[i] = previous;
            }
            int paletteSize = in.readInt();
            if (paletteSize < 0 || paletteSize > count + 1) {
                throw new ModelFormatException(FEATURES_FILE + " has an IDF palette of " + paletteSize + " values");
            }
            float[] palette = new float[paletteSize];
            for (int i = 0; i < paletteSize; i++) {
                palette[i] = Float.intBitsToFloat(in.readInt());
            }
            float[] idf = new float[count];
            for (int i = 0; i < count; i++) {
                int index = in.readVarint();
                if (index < 0 || index >= paletteSize) {
                    throw new ModelFormatException(FEATURES_FILE + " feature " + i + " points outside the IDF palette");
                }
                idf[i] = palette[index];
            }
            if (in.remaining() != 0) {
                throw new ModelFormatException(FEATURES_FILE + " has " + in.remaining() + " bytes after its end");
            }
            return new HashedTextFeatures(spec, buckets, idf);
        } catch (IndexOutOfBoundsException e) {
            throw new ModelFormatException(FEATURES_FILE + " ends early");
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(FEATURES_FILE + ": " + e.getMessage());
        }
    }

    private static byte[] encodeWeights(Int8Weights weights) {
        int k = weights.scale().length;
        int p = weights.values().length / k;
        ByteBuffer buffer = ByteBuffer.allocate(12 + 8 * k + k * p).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(WEIGHTS_MAGIC).putInt(k).putInt(p);
        for (float scale : weights.scale()) {
            buffer.putFloat(scale);
        }
        for (float bias : weights.bias()) {
            buffer.putFloat(bias);
        }
        buffer.put(weights.values());
        return buffer.array();
    }

    private static LinearSoftmaxClassifier decodeWeights(byte[] bytes, HashedModelDescriptor descriptor) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || buffer.getInt() != WEIGHTS_MAGIC) {
            throw new ModelFormatException(WEIGHTS_FILE + " does not start with the PHQ8 header");
        }
        int k = buffer.getInt();
        int p = buffer.getInt();
        if (k != descriptor.labels().size() || p != descriptor.dimension()) {
            throw new ModelFormatException(WEIGHTS_FILE + " holds " + k + "x" + p + " weights, model.json says "
                    + descriptor.labels().size() + "x" + descriptor.dimension());
        }
        if (bytes.length != 12L + 8L * k + (long) k * p) {
            throw new ModelFormatException(WEIGHTS_FILE + " has " + bytes.length + " bytes, expected "
                    + (12L + 8L * k + (long) k * p));
        }
        float[] scale = new float[k];
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            scale[c] = buffer.getFloat();
        }
        for (int c = 0; c < k; c++) {
            bias[c] = buffer.getFloat();
        }
        // Straight into the classifier's feature-by-feature layout: no second copy of the weights at start-up.
        float[] packed = new float[k * p];
        int offset = buffer.position();
        for (int c = 0; c < k; c++) {
            float s = scale[c];
            int base = offset + c * p;
            for (int j = 0; j < p; j++) {
                packed[j * k + c] = bytes[base + j] * s;
            }
        }
        return LinearSoftmaxClassifier.featureMajor(packed, bias, descriptor.temperature());
    }

    /** A growable float list for collecting the palette. */
    private static final class FloatList {
        private float[] values = new float[16];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(FloatList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
