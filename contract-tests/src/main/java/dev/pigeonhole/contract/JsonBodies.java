package dev.pigeonhole.contract;

import dev.pigeonhole.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generators of hostile JSON request bodies, drawn from a seeded {@link Random}: broken syntax, odd values, deep
 * nesting, huge numbers, any unicode (lone surrogates and control characters included). Shared by the fuzzing tests
 * of the predict and feedback functions.
 */
public final class JsonBodies {

    private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", "\"", ",", ":", " ", "\n", "null", "true",
            "false", "0", "-1", "1e999999", "123456789012345678901234567890123456789", "-0.0e-400", "NaN", "\"text\"",
            "\"texts\"", "\"predicted_label\"", "\"true_label\"", "\"Sport\"", "\"a goal\"", "\\u0000", "\\ud800",
            "\\", "é", "🐦", "\u0000", "\u202e", "'", "/*", "//");
    private static final List<String> LEAVES = List.of("null", "true", "false", "0", "-1", "1e999999", "-1e-999999",
            "123456789012345678901234567890123456789", "3.14", "\"\"", "\"   \"", "\"12345\"");

    private JsonBodies() {
    }

    /** Any JSON value, nested up to {@code depth}. */
    public static String value(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 6 : 8);
        if (kind == 6) {
            return array(random, 4, () -> value(random, depth - 1));
        }
        if (kind == 7) {
            return "{" + quoted(alpha(random, 6)) + ":" + value(random, depth - 1) + "}";
        }
        return switch (kind % 3) {
            case 0 -> quoted(anyString(random, 40));
            case 1 -> quoted(words(random, 40));
            default -> Fuzz.oneOf(random, LEAVES);
        };
    }

    /** An array of up to {@code maxSize} items. */
    public static String array(Random random, int maxSize, java.util.function.Supplier<String> item) {
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(maxSize + 1); i > 0; i--) {
            items.add(item.get());
        }
        return "[" + String.join(",", items) + "]";
    }

    /** An object with some of {@code fields} (and maybe others), each holding any value. */
    public static String objectWith(Random random, List<String> fields) {
        List<String> members = new ArrayList<>();
        for (int i = random.nextInt(fields.size() + 3); i > 0; i--) {
            String name = random.nextInt(10) == 0 ? "other" : Fuzz.oneOf(random, fields);
            members.add(quoted(name) + ":" + value(random, 2));
        }
        return "{" + String.join(",", members) + "}";
    }

    /** Fragments of JSON glued at random: mostly not JSON at all. */
    public static String soup(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(51); i > 0; i--) {
            out.append(Fuzz.oneOf(random, FRAGMENTS));
        }
        return out.toString();
    }

    /** Arrays or objects nested deeper than any parser should follow (100 to 5000 levels). */
    public static String deepNesting(Random random) {
        int depth = 100 + random.nextInt(4901);
        String open = random.nextBoolean() ? "[" : "{\"text\":";
        return open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth);
    }

    /** Up to {@code maxLength} chars of anything: ASCII, any UTF-16 unit (lone surrogates too), emoji, controls. */
    public static String anyString(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0 -> out.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> out.append((char) random.nextInt(0x10000));
                case 2 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> out.append((char) random.nextInt(0x20));
            }
        }
        return out.toString();
    }

    /** Every kind of body above. */
    public static String any(Random random, List<String> fields) {
        return switch (random.nextInt(5)) {
            case 0 -> objectWith(random, fields);
            case 1 -> soup(random);
            case 2 -> deepNesting(random);
            case 3 -> value(random, 3);
            default -> anyString(random, 200);
        };
    }

    /** A JSON string literal of {@code raw}, escaped as JSON asks. */
    public static String quoted(String raw) {
        StringBuilder out = new StringBuilder("\"");
        raw.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    private static String alpha(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            char c = (char) ('a' + random.nextInt(26));
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static String words(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = 1 + random.nextInt(maxLength); i > 0; i--) {
            out.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }
}
