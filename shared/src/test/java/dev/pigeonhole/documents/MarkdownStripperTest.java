package dev.pigeonhole.documents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownStripperTest {

    private final MarkdownStripper stripper = new MarkdownStripper();

    @Test
    void headingMarksAreRemovedIncludingClosingOnes() {
        assertEquals("Title\nSection", stripper.strip("# Title\n### Section ###"));
    }

    @Test
    void linkKeepsItsTextAndDropsItsUrl() {
        assertEquals("Read the docs now", stripper.strip("Read [the docs](https://example.com/a_b?x=1) now"));
    }

    @Test
    void imageKeepsItsAltText() {
        assertEquals("Logo here", stripper.strip("![Logo](img/logo.png) here"));
    }

    @Test
    void autolinkIsRemoved() {
        assertEquals("Mail  today", stripper.strip("Mail <mailto:a@b.example> today"));
    }

    @Test
    void codeFenceMarkersAreRemovedButCodeIsKept() {
        assertEquals("\nprint(1)\n", stripper.strip("```python\nprint(1)\n```"));
    }

    @Test
    void inlineCodeBackticksAreRemoved() {
        assertEquals("run mvn verify first", stripper.strip("run `mvn verify` first"));
    }

    @Test
    void emphasisMarkersAreRemoved() {
        assertEquals("very bold and italic and strong and plain and gone",
                stripper.strip("very **bold** and *italic* and __strong__ and _plain_ and ~~gone~~"));
    }

    @Test
    void underscoresAndStarsInsideWordsAreKept() {
        assertEquals("use snake_case_names and 2*3*4", stripper.strip("use snake_case_names and 2*3*4"));
    }

    @Test
    void blockquoteAndBulletMarkersAreRemoved() {
        assertEquals("quoted\nfirst\nsecond\n  nested", stripper.strip("> quoted\n- first\n* second\n  + nested"));
    }
}
