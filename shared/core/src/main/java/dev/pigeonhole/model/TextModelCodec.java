package dev.pigeonhole.model;

import dev.pigeonhole.text.HashedTextFeatures;
import dev.pigeonhole.text.TermExtractor;
import dev.pigeonhole.text.TfIdfModel;
import io.micronaut.serde.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link TextModel} as three plain files and reads it back (formats described in
 * docs/model-format.md). Format 1, for a vocabulary of terms, is below; format 2, for hashed features, is
 * {@link HashedModelCodec}'s, and every reader reads both:
 * <ul>
 *   <li>{@code model.json}: format, labels, n-gram range, dimension, temperature;</li>
 *   <li>{@code vocabulary.tsv.gz}: one {@code term<TAB>idf} line per feature, in feature order;</li>
 *   <li>{@code weights.bin}: little-endian header {@code "PHLW", int classes, int features}, then
 *       classes x features float32 weights (row per class) and one float32 bias per class.</li>
 * </ul>
 * Nothing is deserialised as Java objects, so a tampered file can at worst fail to parse.
 */
public final class TextModelCodec {

    public static final String MODEL_FILE = "model.json";
    public static final String VOCABULARY_FILE = "vocabulary.tsv.gz";
    public static final String WEIGHTS_FILE = "weights.bin";
    public static final String FORMAT = "pigeonhole-linear-text/1";

    private static final int MAGIC = 0x574C4850; // "PHLW" read little-endian
    private static final int HEADER_BYTES = 12;

    private final ObjectMapper json;

    public TextModelCodec(ObjectMapper json) {
        this.json = json;
    }

    public TextModelCodec() {
        this(ObjectMapper.getDefault());
    }

    /** The model's files, by name, in a stable order: format 1 for a vocabulary, format 2 for hashed features. */
    public Map<String, byte[]> encode(TextModel model) {
        if (model.features() instanceof HashedTextFeatures) {
            return new HashedModelCodec(json).encode(model);
        }
        TfIdfModel features = (TfIdfModel) model.features();
        LinearSoftmaxClassifier classifier = model.classifier();
        ModelDescriptor descriptor = new ModelDescriptor(FORMAT, model.labels(), features.minN(), features.maxN(),
                "sublinear", "l2", features.dimension(), classifier.temperature());
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            files.put(MODEL_FILE, json.writeValueAsBytes(descriptor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(VOCABULARY_FILE, encodeVocabulary(features));
        files.put(WEIGHTS_FILE, encodeWeights(classifier));
        return files;
    }

    /** {@code model} as a function serves it once published: encoded, with format 2's int8 weights, and decoded. */
    public TextModel asServed(TextModel model) {
        return decode(encode(model));
    }

    /** Reads a model from its files; every inconsistency is a {@link ModelFormatException}. */
    public TextModel decode(Map<String, byte[]> files) {
        String format = readFormat(require(files, MODEL_FILE));
        if (HashedModelCodec.FORMAT.equals(format) || HashedModelCodec.FORMAT_WHITESPACE_CHARS.equals(format)) {
            return new HashedModelCodec(json).decode(files);
        }
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException("unsupported model format '" + format + "'; this build reads " + FORMAT + ", "
                    + HashedModelCodec.FORMAT + " and " + HashedModelCodec.FORMAT_WHITESPACE_CHARS);
        }
        ModelDescriptor descriptor = readDescriptor(require(files, MODEL_FILE));
        TfIdfModel features = decodeVocabulary(require(files, VOCABULARY_FILE), descriptor);
        LinearSoftmaxClassifier classifier = decodeWeights(require(files, WEIGHTS_FILE), descriptor);
        return new TextModel(features, classifier, descriptor.labels());
    }

    static byte[] require(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new ModelFormatException("model file " + name + " is missing");
        }
        return bytes;
    }

    private String readFormat(byte[] bytes) {
        try {
            FormatProbe probe = json.readValue(bytes, FormatProbe.class);
            if (probe == null || probe.format() == null) {
                throw new ModelFormatException(MODEL_FILE + " names no format");
            }
            return probe.format();
        } catch (IOException e) {
            throw new ModelFormatException(MODEL_FILE + " is not a valid model descriptor: " + e.getMessage());
        }
    }

    private ModelDescriptor readDescriptor(byte[] bytes) {
        try {
            return json.readValue(bytes, ModelDescriptor.class);
        } catch (IOException e) {
            throw new ModelFormatException(MODEL_FILE + " is not a valid model descriptor: " + e.getMessage());
        }
    }

    private static byte[] encodeVocabulary(TfIdfModel features) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(features.dimension() * 8);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
            for (int i = 0; i < features.dimension(); i++) {
                out.write(features.term(i));
                out.write('\t');
                out.write(Float.toString(features.idf(i)));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // One pass over the gunzipped bytes instead of a line reader: this runs at every cold start, mostly
    // before the JIT has compiled anything, so the fewer objects and calls per term the better.
    private static TfIdfModel decodeVocabulary(byte[] bytes, ModelDescriptor descriptor) {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelFormatException(VOCABULARY_FILE + " is not valid gzip: " + e.getMessage());
        }
        String[] terms = new String[descriptor.dimension()];
        float[] idf = new float[descriptor.dimension()];
        int line = 0;
        int start = 0;
        int tab = -1;
        try {
            for (int i = 0; i < raw.length; i++) {
                byte b = raw[i];
                if (b == '\t') {
                    tab = i;
                } else if (b == '\n') {
                    if (line >= terms.length) {
                        throw new ModelFormatException(VOCABULARY_FILE + " has more than " + terms.length + " terms");
                    }
                    if (tab <= start) {
                        throw new ModelFormatException(VOCABULARY_FILE + " line " + (line + 1) + " is not term<TAB>idf");
                    }
                    terms[line] = new String(raw, start, tab - start, StandardCharsets.UTF_8);
                    idf[line] = Float.parseFloat(new String(raw, tab + 1, i - tab - 1, StandardCharsets.ISO_8859_1));
                    line++;
                    start = i + 1;
                }
            }
        } catch (NumberFormatException e) {
            throw new ModelFormatException(VOCABULARY_FILE + " line " + (line + 1) + " has no valid idf: " + e.getMessage());
        }
        if (start != raw.length) {
            throw new ModelFormatException(VOCABULARY_FILE + " does not end with a newline");
        }
        if (line != terms.length) {
            throw new ModelFormatException(VOCABULARY_FILE + " has " + line + " terms, model.json says " + terms.length);
        }
        try {
            return new TfIdfModel(new TermExtractor(descriptor.ngramMin(), descriptor.ngramMax()), terms, idf);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(VOCABULARY_FILE + ": " + e.getMessage());
        }
    }

    private static byte[] encodeWeights(LinearSoftmaxClassifier classifier) {
        int k = classifier.numClasses();
        int p = classifier.dimension();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + 4 * (k * p + k)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(k).putInt(p);
        for (float[] row : classifier.weights()) {
            buffer.asFloatBuffer().put(row);
            buffer.position(buffer.position() + 4 * p);
        }
        buffer.asFloatBuffer().put(classifier.bias());
        return buffer.array();
    }

    private static LinearSoftmaxClassifier decodeWeights(byte[] bytes, ModelDescriptor descriptor) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_BYTES || buffer.getInt() != MAGIC) {
            throw new ModelFormatException(WEIGHTS_FILE + " does not start with the PHLW header");
        }
        int k = buffer.getInt();
        int p = buffer.getInt();
        if (k != descriptor.labels().size() || p != descriptor.dimension()) {
            throw new ModelFormatException(WEIGHTS_FILE + " holds " + k + "x" + p + " weights, model.json says "
                    + descriptor.labels().size() + "x" + descriptor.dimension());
        }
        if (bytes.length != HEADER_BYTES + 4L * (k * (long) p + k)) {
            throw new ModelFormatException(WEIGHTS_FILE + " has " + bytes.length + " bytes, expected "
                    + (HEADER_BYTES + 4L * (k * (long) p + k)));
        }
        float[][] weights = new float[k][p];
        for (float[] row : weights) {
            buffer.asFloatBuffer().get(row);
            buffer.position(buffer.position() + 4 * p);
        }
        float[] bias = new float[k];
        buffer.asFloatBuffer().get(bias);
        return new LinearSoftmaxClassifier(weights, bias, descriptor.temperature());
    }
}
