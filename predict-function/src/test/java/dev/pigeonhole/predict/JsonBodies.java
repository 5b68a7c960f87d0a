package dev.pigeonhole.predict;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of hostile JSON request bodies: broken syntax, odd values, deep nesting, huge numbers, any unicode. */
final class JsonBodies {

    private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", "\"", ",", ":", " ", "\n", "null", "true",
            "false", "0", "-1", "1e999999", "123456789012345678901234567890123456789", "-0.0e-400", "NaN", "\"text\"",
            "\"texts\"", "\"predicted_label\"", "\"true_label\"", "\"Sport\"", "\"a goal\"", "\\u0000", "\\ud800",
            "\\", "é", "🐦", "\u0000", "\u202e", "'", "/*", "//");

    private JsonBodies() {
    }

    /** Any JSON value, nested up to {@code depth}. */
    static Arbitrary<String> value(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(JsonBodies::quoted),
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ').ofMinLength(1).ofMaxLength(40).map(JsonBodies::quoted),
                Arbitraries.of("null", "true", "false", "0", "-1", "1e999999", "-1e-999999",
                        "123456789012345678901234567890123456789", "3.14", "\"\"", "\"   \"", "\"12345\""));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.strings().alpha().ofMaxLength(6).flatMap(name ->
                value(depth - 1).map(inner -> "{" + quoted(name) + ":" + inner + "}"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, leaf), net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(1, object));
    }

    /** An object with some of {@code fields} (and maybe others), each holding any value. */
    static Arbitrary<String> objectWith(List<String> fields) {
        Arbitrary<String> member = Arbitraries.of(fields).injectNull(0.1).flatMap(name ->
                value(2).map(v -> quoted(name == null ? "other" : name) + ":" + v));
        return member.list().ofMaxSize(fields.size() + 2).map(members -> "{" + String.join(",", members) + "}");
    }

    /** Fragments of JSON glued at random: mostly not JSON at all. */
    static Arbitrary<String> soup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(50).map(parts -> String.join("", parts));
    }

    /** Arrays or objects nested deeper than any parser should follow. */
    static Arbitrary<String> deepNesting() {
        return Arbitraries.integers().between(100, 5000).flatMap(depth -> Arbitraries.of("[", "{\"text\":").map(open ->
                open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth)));
    }

    /** Every kind of body above. */
    static Arbitrary<String> any(List<String> fields) {
        return Arbitraries.oneOf(objectWith(fields), soup(), deepNesting(), value(3),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    static String quoted(String raw) {
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
}
