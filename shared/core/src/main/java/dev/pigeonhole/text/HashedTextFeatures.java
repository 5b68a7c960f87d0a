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
    // Which buckets are features, as a bitset with the count of set bits before each word: a bucket's feature index
    // is a rank. 2^21 buckets take 384 kB this way (an int per bucket would take 8 MB), which stays in the L2 cache
    // a text's thousands of look-ups go to.
    private final long[] kept;
    private final int[] rankBefore;
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
        this.kept = new long[ngrams.buckets() >>> 6];
        this.rankBefore = new int[kept.length];
        int firstChar = buckets.length;
        for (int i = 0; i < buckets.length; i++) {
            int bucket = buckets[i];
            if (bucket < 0 || bucket >= ngrams.buckets() || (i > 0 && bucket <= buckets[i - 1])) {
                throw new IllegalArgumentException("buckets must be strictly increasing and below " + ngrams.buckets());
            }
            kept[bucket >>> 6] |= 1L << bucket;
            if (bucket >= spec.blockSize() && firstChar == buckets.length) {
                firstChar = i;
            }
        }
        int rank = 0;
        for (int w = 0; w < kept.length; w++) {
            rankBefore[w] = rank;
            rank += Long.bitCount(kept[w]);
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

    /** The feature index of {@code bucket}, or -1 when the bucket is not a feature. */
    int feature(int bucket) {
        long word = kept[bucket >>> 6];
        long bit = 1L << bucket;
        return (word & bit) == 0 ? -1 : rankBefore[bucket >>> 6] + Long.bitCount(word & (bit - 1));
    }

    @Override
    public boolean knows(String term) {
        return feature(Murmur3.hash(term, HashedNGrams.WORD_SEED) & (spec().blockSize() - 1)) >= 0;
    }

    @Override
    public SparseVector transform(String text) {
        return vector(text, true);
    }

    /** Without the sort, which costs as much as hashing the n-grams of a 1.5 kB text. */
    @Override
    public SparseVector transformForScoring(String text) {
        return vector(text, false);
    }

    private SparseVector vector(String text, boolean sorted) {
        Counter counter = COUNTERS.get();
        counter.start(this);
        ngrams.hash(normalizer.normalize(text), counter);
        // Feature and count packed in one long, so one sort orders both.
        long[] counted = counter.drain();
        if (sorted) {
            Arrays.sort(counted);
        }
        int distinct = counted.length;
        int[] indices = new int[distinct];
        float[] values = new float[distinct];
        double wordNorm = 0;
        double charNorm = 0;
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
            }
        }
        float word = wordNorm > 0 ? (float) (wordScale / Math.sqrt(wordNorm)) : 0;
        float chars = charNorm > 0 ? (float) (charScale / Math.sqrt(charNorm)) : 0;
        for (int i = 0; i < distinct; i++) {
            values[i] *= indices[i] < firstCharFeature ? word : chars;
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
            int feature = feature(bucket);
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
     * Counts the n-gram buckets of one text in an open-addressing table reused by its thread; a slot holds its
     * generation and bucket in one long, so entries of earlier texts are told apart without clearing, and one read decides.
     */
    private static final class Counter implements HashedNGrams.Sink {
        private long[] entries = new long[1 << 14];
        private int[] counts = new int[1 << 14];
        private int[] slots = new int[1 << 13];
        private long generation;
        private int size;
        private HashedTextFeatures owner;

        void start(HashedTextFeatures features) {
            owner = features;
            size = 0;
            if (++generation == 1L << 31) {
                Arrays.fill(entries, 0);
                generation = 1;
            }
        }

        // Counts buckets, not features: whether a bucket is a feature, and which, is asked once per distinct bucket
        // when the counts are drained rather than once per occurrence (a 1.5 kB text has about twice as many).
        @Override
        public void accept(int bucket) {
            long entry = generation << 32 | bucket;
            int mask = entries.length - 1;
            int slot = (bucket * 0x9E3779B9) >>> 1 & mask;
            long current;
            while (((current = entries[slot]) >>> 32) == generation) {
                if (current == entry) {
                    counts[slot]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            entries[slot] = entry;
            counts[slot] = 1;
            slots[size++] = slot;
            if (2 * size >= entries.length) {
                grow();
            }
        }

        /** Each counted bucket that is a feature, as feature and count packed in one long. */
        long[] drain() {
            long[] counted = new long[size];
            int features = 0;
            for (int i = 0; i < size; i++) {
                int slot = slots[i];
                int feature = owner.feature((int) entries[slot]);
                if (feature >= 0) {
                    counted[features++] = (long) feature << 32 | counts[slot];
                }
            }
            owner = null; // the thread keeps its counter, not the model
            return features == size ? counted : Arrays.copyOf(counted, features);
        }

        private void grow() {
            long[] oldEntries = entries;
            int[] oldCounts = counts;
            int[] oldSlots = slots;
            entries = new long[oldEntries.length * 2];
            counts = new int[oldEntries.length * 2];
            slots = new int[oldEntries.length];
            int mask = entries.length - 1;
            for (int i = 0; i < size; i++) {
                long entry = oldEntries[oldSlots[i]];
                int slot = ((int) entry * 0x9E3779B9) >>> 1 & mask;
                while ((entries[slot] >>> 32) == generation) {
                    slot = (slot + 1) & mask;
                }
                entries[slot] = entry;
                counts[slot] = oldCounts[oldSlots[i]];
                slots[i] = slot;
            }
        }
    }
}
