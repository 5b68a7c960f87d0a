package dev.pigeonhole.documents;

import java.util.Map;

/** Markdown built to make a parser backtrack or hold state: one unit repeated up to a length. */
final class HostileMarkdown {

    static final Map<String, String> UNITS = Map.of(
            "open brackets", "[",
            "unclosed links", "[a](",
            "unmatched emphasis", "*a_",
            "backtick runs", "`a``",
            "nested quotes", ">",
            "nested lists", "- ",
            "link reference definitions", "[a]: <",
            "html comments", "<!--");

    private HostileMarkdown() {
    }

    static String of(String unit, int characters) {
        return unit.repeat(characters / unit.length());
    }
}
