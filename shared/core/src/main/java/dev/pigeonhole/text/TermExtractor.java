package dev.pigeonhole.text;

import java.util.List;

/** Normalises, tokenises and forms n-grams: the one path from raw text to terms. */
public final class TermExtractor {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final Tokenizer tokenizer = new Tokenizer();
    private final NGramExtractor ngrams;

    public TermExtractor(int minN, int maxN) {
        this.ngrams = new NGramExtractor(minN, maxN);
    }

    public int minN() {
        return ngrams.minN();
    }

    public int maxN() {
        return ngrams.maxN();
    }

    /** Returns the terms of {@code text}, repeated as often as they occur. */
    public List<String> terms(String text) {
        return ngrams.extract(tokenizer.tokenize(normalizer.normalize(text)));
    }
}
