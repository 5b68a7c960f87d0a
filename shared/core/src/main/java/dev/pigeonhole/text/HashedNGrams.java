package dev.pigeonhole.text;

/**
 * Walks the word and character n-grams of normalised text and hands over their hash buckets, without
 * building a String per n-gram. Tokens follow {@link Tokenizer}'s rule (runs of letters, digits and
 * underscores, at least two long). Word buckets are in {@code [0, 2^bits)}, character buckets in
 * {@code [2^bits, 2^(bits+1))}.
 */
public final class HashedNGrams {

    static final int WORD_SEED = 0x2f1c_9a11;
    static final int CHAR_SEED = 0x6b43_a9b5;

    /** Receives one bucket per n-gram occurrence. */
    public interface Sink {
        void accept(int bucket);
    }

    /** Receives one bucket per n-gram occurrence, with the n-gram as a reader reads it. */
    public interface NamedSink {
        void accept(int bucket, String name);
    }

    private final HashedFeatureSpec spec;
    private final boolean whitespaceTokens;
    private final int mask;
    private final int charOffset;

    public HashedNGrams(HashedFeatureSpec spec) {
        this.spec = spec;
        this.whitespaceTokens = spec.charTokens() == HashedFeatureSpec.CharTokens.WHITESPACE;
        this.mask = spec.blockSize() - 1;
        this.charOffset = spec.blockSize();
    }

    public HashedFeatureSpec spec() {
        return spec;
    }

    /** Total buckets of both blocks. */
    public int buckets() {
        return 2 * spec.blockSize();
    }

    /** Every n-gram occurrence of {@code s} (normalised text), words first within each token. */
    public void hash(String s, Sink sink) {
        int length = s.length();
        int previousState = 0;
        int previousLength = -1;
        int i = 0;
        while (i < length) {
            if (!Tokenizer.isWordChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && Tokenizer.isWordChar(s.charAt(i))) {
                i++;
            }
            int n = i - start;
            if (n < Tokenizer.MIN_TOKEN_LENGTH) {
                continue;
            }
            int h = WORD_SEED;
            for (int j = start; j < i; j++) {
                h = Murmur3.mix(h, s.charAt(j));
            }
            sink.accept(Murmur3.finish(h, n) & mask);
            if (spec.wordMaxN() > 1 && previousLength >= 0) {
                int b = Murmur3.mix(previousState, ' ');
                for (int j = start; j < i; j++) {
                    b = Murmur3.mix(b, s.charAt(j));
                }
                sink.accept(Murmur3.finish(b, previousLength + 1 + n) & mask);
            }
            previousState = h;
            previousLength = n;
            if (spec.hasChars() && !whitespaceTokens) {
                hashChars(s, start, i, sink);
            }
        }
        if (spec.hasChars() && whitespaceTokens) {
            forEachWhitespaceToken(s, (start, end) -> hashChars(s, start, end, sink));
        }
    }

    private interface Span {
        void accept(int start, int end);
    }

    /** Hands over [start, end) of each run of characters between white space: {@link #hash} and {@link #name} alike. */
    private static void forEachWhitespaceToken(String s, Span span) {
        int length = s.length();
        int i = 0;
        while (i < length) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            span.accept(start, i);
        }
    }

    // The padded token is ' ' + s[start, end) + ' '; position p of it is a space at both ends.
    private void hashChars(String s, int start, int end, Sink sink) {
        int padded = end - start + 2;
        int minN = spec.charMinN();
        int maxN = spec.charMaxN();
        for (int from = 0; from + minN <= padded; from++) {
            int h = CHAR_SEED;
            int to = Math.min(padded, from + maxN);
            for (int p = from; p < to; p++) {
                h = Murmur3.mix(h, p == 0 || p == padded - 1 ? ' ' : s.charAt(start + p - 1));
                int n = p - from + 1;
                if (n >= minN) {
                    sink.accept(charOffset + (Murmur3.finish(h, n) & mask));
                }
            }
        }
    }

    /**
     * As {@link #hash}, with each n-gram named: words as they are, two words joined by a space, a part of a
     * word with "…" where the word goes on ({@code "graph…"}, {@code "…aph…"}, {@code "…ics"}).
     * Builds Strings: for explanations and for training, not for prediction.
     */
    public void name(String s, NamedSink sink) {
        String previous = null;
        for (String token : new Tokenizer().tokenize(s)) {
            sink.accept(Murmur3.hash(token, WORD_SEED) & mask, token);
            if (spec.wordMaxN() > 1 && previous != null) {
                String bigram = previous + ' ' + token;
                sink.accept(Murmur3.hash(bigram, WORD_SEED) & mask, bigram);
            }
            previous = token;
            if (spec.hasChars() && !whitespaceTokens) {
                nameChars(token, sink);
            }
        }
        if (spec.hasChars() && whitespaceTokens) {
            forEachWhitespaceToken(s, (start, end) -> nameChars(s.substring(start, end), sink));
        }
    }

    private void nameChars(String token, NamedSink sink) {
        String padded = ' ' + token + ' ';
        for (int from = 0; from + spec.charMinN() <= padded.length(); from++) {
            for (int n = spec.charMinN(); n <= spec.charMaxN() && from + n <= padded.length(); n++) {
                String gram = padded.substring(from, from + n);
                sink.accept(charOffset + (Murmur3.hash(gram, CHAR_SEED) & mask), readable(gram));
            }
        }
    }

    static String readable(String gram) {
        boolean starts = gram.charAt(0) == ' ';
        boolean ends = gram.length() > 1 && gram.charAt(gram.length() - 1) == ' ';
        String core = gram.strip();
        return (starts ? "" : "…") + core + (ends ? "" : "…");
    }
}
