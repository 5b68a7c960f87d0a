package dev.pigeonhole.retrain;

import dev.pigeonhole.text.HashedFeatureSpec;
import dev.pigeonhole.text.HashedFeaturesFitter;
import dev.pigeonhole.text.TextFeatures;
import dev.pigeonhole.text.TfIdfVectorizer;

import java.util.List;
import java.util.function.Function;

/**
 * Parses a feature set of {@code compare}: {@code words} (the TF-IDF vocabulary of format 1), {@code hashed} (word
 * 1-2-grams hashed) or {@code hashed:CMIN-CMAX:SHARE[:BITS[:TOKENS]]} (plus character n-grams within word boundaries holding
 * SHARE of the squared norm; 2^BITS buckets per block, default 20; TOKENS {@code words}, the default, or {@code ws}:
 * character n-grams within white-space tokens, punctuation included).
 */
final class FeatureSetSpec {

    private FeatureSetSpec() {
    }

    /** A fitter of the features on a list of training texts. */
    static Function<List<String>, TextFeatures> parse(String spec, int maxNgram, int minDocumentFrequency) {
        String[] parts = spec.split(":");
        try {
            return switch (parts[0]) {
                case "words" -> texts -> new TfIdfVectorizer(1, maxNgram, minDocumentFrequency).fit(texts);
                case "hashed" -> {
                    HashedFeatureSpec hashed = hashed(parts, maxNgram);
                    yield texts -> new HashedFeaturesFitter(hashed, minDocumentFrequency).fit(texts);
                }
                default -> throw new IllegalArgumentException("unknown feature set '" + parts[0] + "'");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read feature set '" + spec
                    + "': expected words, hashed or hashed:CMIN-CMAX:SHARE[:BITS[:words|ws]]");
        }
    }

    static HashedFeatureSpec hashed(String[] parts, int maxNgram) {
        if (parts.length == 1) {
            return new HashedFeatureSpec(maxNgram, 0, 0, 20, 0);
        }
        String[] range = parts[1].split("-");
        HashedFeatureSpec.CharTokens tokens = parts.length > 4 && parts[4].equals("ws")
                ? HashedFeatureSpec.CharTokens.WHITESPACE : HashedFeatureSpec.CharTokens.WORDS;
        if (parts.length > 4 && tokens == HashedFeatureSpec.CharTokens.WORDS && !parts[4].equals("words")) {
            throw new IllegalArgumentException("character tokens are 'words' or 'ws' (white space), got '" + parts[4] + "'");
        }
        return new HashedFeatureSpec(maxNgram, Integer.parseInt(range[0]), Integer.parseInt(range[1]),
                parts.length > 3 ? Integer.parseInt(parts[3]) : 20, Double.parseDouble(parts[2]), tokens);
    }
}
