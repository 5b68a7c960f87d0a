package dev.pigeonhole.text;

/**
 * MurmurHash3 (x86, 32-bit) fed one UTF-16 unit per 32-bit block, so that an n-gram is hashed straight
 * from the characters of the text, one character at a time, without building a String. The hash of a
 * sequence is {@code finish(mix(...mix(seed, c0)..., cn-1), n)}; the states in between let every prefix
 * (char n-grams of growing length, a word followed by the next) be hashed without starting over.
 */
public final class Murmur3 {

    private Murmur3() {
    }

    /** The state after one more character. */
    public static int mix(int h, char c) {
        int k = c * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        h ^= k;
        return Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    /** The hash of the {@code length} characters mixed into state {@code h}. */
    public static int finish(int h, int length) {
        h ^= length * 2;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The hash of all of {@code s}. */
    public static int hash(CharSequence s, int seed) {
        int h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return finish(h, s.length());
    }
}
