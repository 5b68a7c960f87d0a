package dev.pigeonhole.text;

import java.util.ArrayList;
import java.util.List;

/** Turns a token sequence into word n-grams from {@code minN} to {@code maxN}, joined by a space. */
public final class NGramExtractor {

    private final int minN;
    private final int maxN;

    public NGramExtractor(int minN, int maxN) {
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("n-gram range must satisfy 1 <= min <= max, got " + minN + ".." + maxN);
        }
        this.minN = minN;
        this.maxN = maxN;
    }

    public int minN() {
        return minN;
    }

    public int maxN() {
        return maxN;
    }

    /** Returns every n-gram of the tokens, shortest first, in text order within each length. */
    public List<String> extract(List<String> tokens) {
        int size = tokens.size();
        List<String> grams = new ArrayList<>(size * (maxN - minN + 1));
        for (int n = minN; n <= maxN; n++) {
            for (int i = 0; i + n <= size; i++) {
                grams.add(n == 1 ? tokens.get(i) : join(tokens, i, n));
            }
        }
        return grams;
    }

    private static String join(List<String> tokens, int from, int n) {
        StringBuilder gram = new StringBuilder(tokens.get(from));
        for (int j = from + 1; j < from + n; j++) {
            gram.append(' ').append(tokens.get(j));
        }
        return gram.toString();
    }
}
