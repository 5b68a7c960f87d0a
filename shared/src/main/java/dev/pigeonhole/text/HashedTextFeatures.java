package dev.pigeonhole.text;

import java.util.Arrays;

/**
 * Fitted hashed TF-IDF features: the buckets seen in enough training documents become features (in bucket
 * order, so word features come before character features), each with its IDF. A text's vector is sublinear
 * tf times IDF, each block L2-normalised and weighted so the character block holds {@code charShare} of the
 * squared norm. Nothing but arrays, so it loads fast; immutable and safe to share between threads.
 */
public final class HashedTextFeatures implements TextFeatures {

    private static final float[] SUBLINEAR_TF = new float[64];

    static {
        for (int tf = 1; tf < SUBLINEAR_TF.length; tf++) {
            SUBLINEAR_TF[tf] = (float) (1 + Math.log(tf));
        }
    }

    private static final ThreadLocal<Counter> COUNTERS = ThreadLocal.withInitial(Counter::new);

    private final HashedNGrams ngrams;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final int[] buckets;
    private final float[] idf;
    private final int[] column;
    private final int firstCharFeature;
    private final float wordScale;
    private final float charScale;

    /** {@code buckets}: the kept buckets, strictly increasing; {@code idf}: one per bucket. */
    public HashedTextFeatures(HashedFeatureSpec spec, int[] buckets, float[] idf) {
        if (buckets.length != idf.length) {
            throw new IllegalArgumentException("buckets and idf weights differ in length");
        }
        this.ngrams = new HashedNGrams(spec);
        this.buckets = buckets;
        this.idf = idf;
        this.column = new int[ngrams.buckets()];
        Arrays.fill(column, -1);
        int firstChar = buckets.length;
        for (int i = 0; i < buckets.length; i++) {
            int bucket = buckets[i];
            if (bucket < 0 || bucket >= column.length || (i > 0 && bucket <= buckets[i - 1])) {
                throw new IllegalArgumentException("buckets must be strictly increasing and below " + column.length);
            }
            column[bucket] = i;
            if (bucket >= spec.blockSize() && firstChar == buckets.length) {
                firstChar = i;
            }
        }
        this.firstCharFeature = firstChar;
        this.wordScale = (float) Math.sqrt(1 - spec.charShare());
        this.charScale = (float) Math.sqrt(spec.charShare());
    }

    public HashedFeatureSpec spec() {
        return ngrams.spec();
    }

    /** The same fitted features with another character share (a block weight tried during the search). */
    public HashedTextFeatures withCharShare(double share) {
        return new HashedTextFeatures(spec().withCharShare(share), buckets, idf);
    }

    @Override
    public int dimension() {
        return buckets.length;
    }

    public int bucket(int feature) {
        return buckets[feature];
    }

    public float idf(int feature) {
        return idf[feature];
    }

    @Override
    public boolean knows(String term) {
        return column[Murmur3.hash(term, HashedNGrams.WORD_SEED) & (spec().blockSize() - 1)] >= 0;
    }

    @Override
    public SparseVector transform(String text) {
        Counter counter = COUNTERS.get();
        counter.start(column);
        ngrams.hash(normalizer.normalize(text), counter);
        // Feature and count packed in one long, so one sort orders both.
        long[] counted = counter.drain();
        Arrays.sort(counted);
        int distinct = counted.length;
        int[] indices = new int[distinct];
        float[] values = new float[distinct];
        double wordNorm = 0;
        double charNorm = 0;
        int firstChar = distinct;
        for (int i = 0; i < distinct; i++) {
            int feature = (int) (counted[i] >>> 32);
            int tf = (int) counted[i];
            float value = (tf < SUBLINEAR_TF.length ? SUBLINEAR_TF[tf] : (float) (1 + Math.log(tf))) * idf[feature];
            indices[i] = feature;
            values[i] = value;
            if (feature < firstCharFeature) {
                wordNorm += (double) value * value;
            } else {
                charNorm += (double) value * value;
                firstChar = Math.min(firstChar, i);
            }
        }
        float word = wordNorm > 0 ? (float) (wordScale / Math.sqrt(wordNorm)) : 0;
        float chars = charNorm > 0 ? (float) (charScale / Math.sqrt(charNorm)) : 0;
        for (int i = 0; i < distinct; i++) {
            values[i] *= i < firstChar ? word : chars;
        }
        return new SparseVector(indices, values);
    }

    /**
     * {@code x}, made with character share {@code from}, as it would be with share {@code to}: each block is
     * normalised on its own, so a share only rescales the two blocks (what the search tries without hashing again).
     */
    public SparseVector reweigh(SparseVector x, double from, double to) {
        float word = from < 1 ? (float) Math.sqrt((1 - to) / (1 - from)) : 0;
        float chars = from > 0 ? (float) Math.sqrt(to / from) : 0;
        int[] indices = x.indices();
        float[] values = x.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= indices[i] < firstCharFeature ? word : chars;
        }
        return new SparseVector(indices, values);
    }

    @Override
    public String[] names(String text, int[] features) {
        String[] names = new String[features.length];
        ngrams.name(normalizer.normalize(text), (bucket, name) -> {
            int feature = column[bucket];
            for (int i = 0; i < features.length; i++) {
                if (features[i] == feature && names[i] == null) {
                    names[i] = name;
                }
            }
        });
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                names[i] = "#" + features[i];
            }
        }
        return names;
    }

    /**
     * Counts the features of one text in an open-addressing table reused by its thread; entries of earlier
     * texts are told apart by a generation stamp rather than cleared.
     */
    private static final class Counter implements HashedNGrams.Sink {
        private int[] keys = new int[1 << 14];
        private int[] counts = new int[1 << 14];
        private int[] stamps = new int[1 << 14];
        private int[] features = new int[1 << 14];
        private int generation;
        private int size;
        private int[] column;

        void start(int[] columnOfBucket) {
            column = columnOfBucket;
            size = 0;
            if (++generation == 0) {
                Arrays.fill(stamps, 0);
                generation = 1;
            }
        }

        @Override
        public void accept(int bucket) {
            int feature = column[bucket];
            if (feature >= 0) {
                add(feature);
            }
        }

        private void add(int feature) {
            int mask = keys.length - 1;
            int slot = (feature * 0x9E3779B9) >>> 1 & mask;
            while (stamps[slot] == generation) {
                if (keys[slot] == feature) {
                    counts[slot]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            stamps[slot] = generation;
            keys[slot] = feature;
            counts[slot] = 1;
            features[size++] = feature;
            if (2 * size > keys.length) {
                grow();
            }
        }

        long[] drain() {
            long[] counted = new long[size];
            int mask = keys.length - 1;
            for (int i = 0; i < size; i++) {
                int feature = features[i];
                int slot = (feature * 0x9E3779B9) >>> 1 & mask;
                while (keys[slot] != feature || stamps[slot] != generation) {
                    slot = (slot + 1) & mask;
                }
                counted[i] = (long) feature << 32 | counts[slot];
            }
            return counted;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            int[] oldStamps = stamps;
            int oldGeneration = generation;
            keys = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            stamps = new int[oldKeys.length * 2];
            features = Arrays.copyOf(features, keys.length);
            generation = 1;
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldStamps[i] == oldGeneration) {
                    int slot = (oldKeys[i] * 0x9E3779B9) >>> 1 & mask;
                    while (stamps[slot] == generation) {
                        slot = (slot + 1) & mask;
                    }
                    stamps[slot] = generation;
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }
    }
}
