package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.testing.CpuTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownStripperTest {

    private final MarkdownStripper stripper = new MarkdownStripper();

    @Test
    void headingMarksAreRemovedIncludingClosingOnes() {
        assertEquals("Title\nSection\n", stripper.strip("# Title\n### Section ###"));
    }

    @Test
    void linkKeepsItsTextAndDropsItsUrl() {
        assertEquals("Read the docs now\n", stripper.strip("Read [the docs](https://example.com/a_b?x=1) now"));
    }

    @Test
    void imageKeepsItsAltText() {
        assertEquals("Logo here\n", stripper.strip("![Logo](img/logo.png) here"));
    }

    @Test
    void autolinkIsRemoved() {
        assertEquals("Mail  today\n", stripper.strip("Mail <mailto:a@b.example> today"));
    }

    @Test
    void codeFenceMarkersAreRemovedButCodeIsKept() {
        assertEquals("print(1)\n", stripper.strip("```python\nprint(1)\n```"));
    }

    @Test
    void inlineCodeBackticksAreRemoved() {
        assertEquals("run mvn verify first\n", stripper.strip("run `mvn verify` first"));
    }

    @Test
    void emphasisMarkersAreRemoved() {
        assertEquals("very bold and italic and strong and plain\n",
                stripper.strip("very **bold** and *italic* and __strong__ and _plain_"));
    }

    @Test
    void underscoresInsideWordsAndLoneStarsAreKept() {
        assertEquals("use snake_case_names and 2 * 3\n", stripper.strip("use snake_case_names and 2 * 3"));
    }

    @Test
    void blockquoteAndBulletMarkersAreRemoved() {
        assertEquals("quoted\nfirst\nsecond\nnested\n", stripper.strip("> quoted\n\n- first\n* second\n  + nested"));
    }

    @Test
    void htmlTagsAreRemovedAndParagraphsStayApart() {
        assertEquals("one\ntwo words\n", stripper.strip("one\n\n<div class=\"x\">\n\ntwo <b>words</b>"));
    }

    @Test
    void hostileMarkdownOfAMillionCharactersIsReadInLinearTime() {
        Map<String, String> hostile = Map.of(
                "open brackets", "[",
                "unclosed links", "[a](",
                "unmatched emphasis", "*a_",
                "backtick runs", "`a``",
                "nested quotes", ">",
                "nested lists", "- ",
                "link reference definitions", "[a]: <",
                "html comments", "<!--");
        hostile.forEach((name, unit) -> {
            String markdown = unit.repeat(1_000_000 / unit.length());
            String text = CpuTime.assertFast(name, () -> stripper.strip(unit.repeat(100_000 / unit.length())),
                    () -> stripper.strip(markdown));
            assertTrue(text.length() <= markdown.length() * 2, name);
        });
    }
}
