package dev.pigeonhole.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A seeded fuzzing loop for plain JUnit 5: {@code tries} inputs drawn from a {@link Random} with a fixed seed, so a
 * failure reproduces on every run. The first failing input stops the loop with its try seed and the input itself in
 * the message. {@code -Dfuzz.seed=N} explores other inputs (the functions' body fuzz tests use it through contract-tests).
 */
public final class Fuzz {

    private static final int SHOWN = 2000;

    private Fuzz() {
    }

    /** Checks {@code property} on {@code tries} inputs made by {@code generate}. */
    public static <T> void check(long seed, int tries, Function<Random, T> generate, Consumer<T> property) {
        long base = Long.getLong("fuzz.seed", seed);
        Random seeds = new Random(base);
        for (int i = 0; i < tries; i++) {
            long trySeed = seeds.nextLong();
            T input = generate.apply(new Random(trySeed));
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError("fuzz try " + (i + 1) + " of " + tries + " failed (-Dfuzz.seed=" + base
                        + ", try seed " + trySeed + ") for input " + show(input) + ": " + failure, failure);
            }
        }
    }

    /** The input as a message shows it: strings and byte arrays cut to a readable length. */
    public static String show(Object input) {
        String text;
        if (input instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder(bytes.length + " bytes: ");
            for (int i = 0; i < Math.min(bytes.length, SHOWN / 2); i++) {
                hex.append(String.format("%02x", bytes[i]));
            }
            text = hex.toString();
        } else {
            text = String.valueOf(input);
        }
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " chars)";
    }

    /** Bytes, {@code 0..maxLength} of them. */
    public static byte[] bytes(Random random, int minLength, int maxLength) {
        byte[] out = new byte[minLength + random.nextInt(maxLength - minLength + 1)];
        random.nextBytes(out);
        return out;
    }

    /** One of {@code items}. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... items) {
        return items[random.nextInt(items.length)];
    }

    /** One of {@code items}. */
    public static <T> T oneOf(Random random, java.util.List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
