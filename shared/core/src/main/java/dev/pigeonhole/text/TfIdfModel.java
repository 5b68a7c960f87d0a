package dev.pigeonhole.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted TF-IDF transform: sublinear term frequency ({@code 1 + ln tf}) times IDF, L2-normalised.
 * Immutable and safe to share between threads.
 */
public final class TfIdfModel implements TextFeatures {

    private final TermExtractor extractor;
    private final String[] terms;
    private final float[] idf;
    private final Map<String, Integer> index;

    public TfIdfModel(TermExtractor extractor, String[] terms, float[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and idf weights differ in length");
        }
        this.extractor = extractor;
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            if (index.put(terms[i], i) != null) {
                throw new IllegalArgumentException("duplicate term in vocabulary: '" + terms[i] + "'");
            }
        }
    }

    @Override
    public int dimension() {
        return terms.length;
    }

    public int minN() {
        return extractor.minN();
    }

    public int maxN() {
        return extractor.maxN();
    }

    public String term(int feature) {
        return terms[feature];
    }

    public float idf(int feature) {
        return idf[feature];
    }

    /** Whether {@code term} (already normalised) is in the vocabulary. */
    @Override
    public boolean knows(String term) {
        return index.containsKey(term);
    }

    /** Returns the TF-IDF vector of {@code text}; terms outside the vocabulary are ignored. */
    @Override
    public SparseVector transform(String text) {
        List<String> grams = extractor.terms(text);
        int[] features = new int[grams.size()];
        int known = 0;
        for (String gram : grams) {
            Integer feature = index.get(gram);
            if (feature != null) {
                features[known++] = feature;
            }
        }
        Arrays.sort(features, 0, known);
        int[] indices = new int[known];
        float[] values = new float[known];
        int distinct = 0;
        double squaredNorm = 0;
        for (int i = 0; i < known; ) {
            int feature = features[i];
            int tf = 0;
            while (i < known && features[i] == feature) {
                tf++;
                i++;
            }
            float weight = (float) ((1 + Math.log(tf)) * idf[feature]);
            indices[distinct] = feature;
            values[distinct] = weight;
            squaredNorm += (double) weight * weight;
            distinct++;
        }
        float inverseNorm = squaredNorm > 0 ? (float) (1 / Math.sqrt(squaredNorm)) : 0f;
        for (int i = 0; i < distinct; i++) {
            values[i] *= inverseNorm;
        }
        return new SparseVector(Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
    }

    /** A vocabulary names its features itself: the text is not needed. */
    @Override
    public String[] names(String text, int[] features) {
        String[] names = new String[features.length];
        for (int i = 0; i < features.length; i++) {
            names[i] = terms[features[i]];
        }
        return names;
    }
}
