package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.testing.CpuTime;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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
        HostileMarkdown.UNITS.forEach((name, unit) -> {
            String markdown = HostileMarkdown.of(unit, 1_000_000);
            String text = CpuTime.assertFast(name, () -> stripper.strip(HostileMarkdown.of(unit, 100_000)),
                    () -> stripper.strip(markdown));
            assertTrue(text.length() <= markdown.length() * 2, name);
        });
    }

    @Test
    void hostileMarkdownOfAMillionCharactersIsReadInA32MegabyteHeap() throws IOException, InterruptedException {
        SmallHeapRun run = SmallHeapRun.of("32m", SmallHeapMarkdown.class);

        assertEquals(0, run.exitValue(), run.output());
        assertEquals(HostileMarkdown.UNITS.keySet(), run.output().lines().filter(line -> line.matches("[a-z ]+: \\d+"))
                .map(line -> line.substring(0, line.indexOf(':'))).collect(Collectors.toSet()), run.output());
    }

    @Test
    void wordsOnBothSidesOfEveryPieceAreKept() {
        String paragraph = "alpha **beta** [gamma](https://example.com) delta\n\n";
        int paragraphs = 3 * MarkdownStripper.PIECE_CHARACTERS / paragraph.length();

        assertEquals("alpha beta gamma delta\n".repeat(paragraphs), stripper.strip(paragraph.repeat(paragraphs)));
    }

    @Test
    void aPieceEndsAfterABlankLineAlsoWhenLinesEndInCarriageReturns() {
        String paragraph = "x".repeat(999) + "\r\n \r\n";
        String markdown = paragraph.repeat(3 * MarkdownStripper.PIECE_CHARACTERS / paragraph.length());

        int end = MarkdownStripper.pieceEnd(markdown, 0);

        assertEquals(MarkdownStripper.PIECE_CHARACTERS / paragraph.length() * paragraph.length(), end);
    }

    @Test
    void aParagraphLongerThanAPieceIsCutBetweenWords() {
        String markdown = "**word** ".repeat(3 * MarkdownStripper.PIECE_CHARACTERS / 9);

        String text = stripper.strip(markdown);

        assertEquals(List.of("word"), Arrays.stream(text.split("\\s+")).distinct().toList());
        assertEquals(3 * MarkdownStripper.PIECE_CHARACTERS / 9, text.split("\\s+").length);
    }

    @Test
    void aPieceWithoutSpacesNeverEndsBetweenTheHalvesOfASurrogatePair() {
        String markdown = "a" + "\uD83D\uDE00".repeat(MarkdownStripper.PIECE_CHARACTERS);

        assertEquals(MarkdownStripper.PIECE_CHARACTERS - 1, MarkdownStripper.pieceEnd(markdown, 0));
        String text = stripper.strip(markdown);
        assertEquals(markdown, text.replace("\n", ""));
        assertTrue(text.lines().allMatch(line -> line.codePoints().noneMatch(
                point -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE)));
    }
}
