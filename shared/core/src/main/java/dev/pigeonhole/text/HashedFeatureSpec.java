package dev.pigeonhole.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The shape of hashed text features: word n-grams up to {@code wordMaxN} in one block of 2^{@code bits}
 * buckets, character n-grams from {@code charMinN} to {@code charMaxN} within word boundaries (each token
 * padded with one space either side) in a second block of the same size ({@code charMinN} 0: no character
 * block), and the share of the vector's squared norm the character block gets ({@code charShare}).
 * {@code charTokens} says what a token of the character block is: a word as the word block reads it, or
 * everything between white space (punctuation and emoticons included).
 */
public record HashedFeatureSpec(int wordMaxN, int charMinN, int charMaxN, int bits, double charShare,
                                CharTokens charTokens) {

    /** What the character n-grams are taken within. */
    public enum CharTokens {
        /** Runs of letters, digits and underscores, as the word block reads them (model format 2). */
        WORDS,
        /** Everything between white space, punctuation included (model format 3). */
        WHITESPACE
    }

    /** Character n-grams within words. */
    public HashedFeatureSpec(int wordMaxN, int charMinN, int charMaxN, int bits, double charShare) {
        this(wordMaxN, charMinN, charMaxN, bits, charShare, CharTokens.WORDS);
    }

    public HashedFeatureSpec {
        if (wordMaxN < 1 || wordMaxN > 2) {
            throw new IllegalArgumentException("word n-grams go up to 1 or 2, got " + wordMaxN);
        }
        if (charMinN != 0 && (charMinN < 1 || charMaxN < charMinN || charMaxN > 8)) {
            throw new IllegalArgumentException("character n-gram range must satisfy 1 <= min <= max <= 8, got "
                    + charMinN + ".." + charMaxN);
        }
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("hash bits must be between 10 and 24, got " + bits);
        }
        Objects.requireNonNull(charTokens, "charTokens");
        if (!(charShare >= 0 && charShare < 1) || (charMinN == 0 && charShare != 0)) {
            throw new IllegalArgumentException("the character share must be in [0, 1), and 0 without character n-grams");
        }
    }

    /** Word 1-2-grams only. */
    public static HashedFeatureSpec words(int bits) {
        return new HashedFeatureSpec(2, 0, 0, bits, 0);
    }

    public boolean hasChars() {
        return charMinN > 0;
    }

    /** Buckets of one block. */
    public int blockSize() {
        return 1 << bits;
    }

    /** The same features with another character share. */
    public HashedFeatureSpec withCharShare(double share) {
        return new HashedFeatureSpec(wordMaxN, charMinN, charMaxN, bits, share, charTokens);
    }

    /** Short form for tables, e.g. {@code words1-2+chars2-5@0.5/2^20}. */
    public String describe() {
        return "words1-" + wordMaxN + (hasChars() ? String.format(Locale.ROOT, "+chars%d-%d%s@%s", charMinN, charMaxN,
                charTokens == CharTokens.WHITESPACE ? "(whitespace)" : "", charShare) : "") + "/2^" + bits;
    }

    /** As recorded in a manifest. */
    public Map<String, String> asMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("features", "hashed");
        p.put("hash", "murmur3-32 per UTF-16 unit, " + bits + " bits per block");
        p.put("ngram_range", "1-" + wordMaxN);
        p.put("char_ngram_range", hasChars() ? charMinN + "-" + charMaxN : "none");
        p.put("char_share", Double.toString(charShare));
        if (charTokens == CharTokens.WHITESPACE) {
            p.put("char_tokens", "whitespace");
        }
        return p;
    }
}
