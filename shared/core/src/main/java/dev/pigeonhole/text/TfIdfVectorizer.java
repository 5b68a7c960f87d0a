package dev.pigeonhole.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns a vocabulary and inverse document frequencies from a corpus: terms kept when they occur
 * in at least {@code minDocumentFrequency} documents, IDF smoothed as in scikit-learn
 * ({@code ln((1 + n) / (1 + df)) + 1}).
 */
public final class TfIdfVectorizer {

    private final int minN;
    private final int maxN;
    private final int minDocumentFrequency;

    public TfIdfVectorizer(int minN, int maxN, int minDocumentFrequency) {
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minimum document frequency must be at least 1");
        }
        this.minN = minN;
        this.maxN = maxN;
        this.minDocumentFrequency = minDocumentFrequency;
    }

    /** Fits the vocabulary and IDF weights; terms are indexed in sorted order so fits are reproducible. */
    public TfIdfModel fit(List<String> documents) {
        TermExtractor extractor = new TermExtractor(minN, maxN);
        Map<String, int[]> documentFrequency = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String document : documents) {
            seen.clear();
            for (String term : extractor.terms(document)) {
                if (seen.add(term)) {
                    documentFrequency.computeIfAbsent(term, t -> new int[1])[0]++;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : documentFrequency.entrySet()) {
            if (entry.getValue()[0] >= minDocumentFrequency) {
                kept.add(entry.getKey());
            }
        }
        String[] terms = kept.toArray(String[]::new);
        Arrays.sort(terms);
        float[] idf = new float[terms.length];
        double n = documents.size();
        for (int i = 0; i < terms.length; i++) {
            int df = documentFrequency.get(terms[i])[0];
            idf[i] = (float) (Math.log((1 + n) / (1 + df)) + 1);
        }
        return new TfIdfModel(extractor, terms, idf);
    }
}
