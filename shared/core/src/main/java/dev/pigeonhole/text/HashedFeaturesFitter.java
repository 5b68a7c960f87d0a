package dev.pigeonhole.text;

import java.util.List;

/**
 * Fits {@link HashedTextFeatures}: a bucket becomes a feature when at least {@code minDocumentFrequency}
 * documents hit it, with IDF smoothed as in scikit-learn ({@code ln((1 + n) / (1 + df)) + 1}).
 */
public final class HashedFeaturesFitter {

    private final HashedFeatureSpec spec;
    private final int minDocumentFrequency;

    public HashedFeaturesFitter(HashedFeatureSpec spec, int minDocumentFrequency) {
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minimum document frequency must be at least 1");
        }
        this.spec = spec;
        this.minDocumentFrequency = minDocumentFrequency;
    }

    public HashedTextFeatures fit(List<String> documents) {
        HashedNGrams ngrams = new HashedNGrams(spec);
        TextNormalizer normalizer = new TextNormalizer();
        int[] documentFrequency = new int[ngrams.buckets()];
        int[] lastDocument = new int[ngrams.buckets()];
        int[] document = {0};
        for (String text : documents) {
            document[0]++;
            ngrams.hash(normalizer.normalize(text), bucket -> {
                if (lastDocument[bucket] != document[0]) {
                    lastDocument[bucket] = document[0];
                    documentFrequency[bucket]++;
                }
            });
        }
        int kept = 0;
        for (int df : documentFrequency) {
            if (df >= minDocumentFrequency) {
                kept++;
            }
        }
        int[] buckets = new int[kept];
        float[] idf = new float[kept];
        double n = documents.size();
        int i = 0;
        for (int bucket = 0; bucket < documentFrequency.length; bucket++) {
            int df = documentFrequency[bucket];
            if (df >= minDocumentFrequency) {
                buckets[i] = bucket;
                idf[i] = (float) (Math.log((1 + n) / (1 + df)) + 1);
                i++;
            }
        }
        return new HashedTextFeatures(spec, buckets, idf);
    }
}
