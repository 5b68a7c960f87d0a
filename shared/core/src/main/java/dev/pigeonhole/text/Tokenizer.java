package dev.pigeonhole.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into word tokens: maximal runs of letters, digits and underscores of at
 * least {@link #MIN_TOKEN_LENGTH} characters (the same rule as scikit-learn's default token pattern).
 */
public final class Tokenizer {

    public static final int MIN_TOKEN_LENGTH = 2;

    /** Returns the tokens of {@code text} in order. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>(Math.max(16, text.length() / 6));
        int length = text.length();
        int start = -1;
        for (int i = 0; i < length; i++) {
            if (isWordChar(text.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                addIfLongEnough(text, start, i, tokens);
                start = -1;
            }
        }
        if (start >= 0) {
            addIfLongEnough(text, start, length, tokens);
        }
        return tokens;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void addIfLongEnough(String text, int start, int end, List<String> tokens) {
        if (end - start >= MIN_TOKEN_LENGTH) {
            tokens.add(text.substring(start, end));
        }
    }
}
