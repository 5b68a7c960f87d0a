package dev.pigeonhole.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TermExtractorTest {

    @Test
    void producesUnigramsThenBigramsOfNormalisedText() {
        assertEquals(List.of("the", "cat", "the", "hat", "the cat", "cat the", "the hat"),
                new TermExtractor(1, 2).terms("The CAT & the Hat"));
    }

    @Test
    void decodesHtmlEntitiesBeforeTokenising() {
        assertEquals(List.of("it", "quoted", "it quoted"), new TermExtractor(1, 2).terms("&quot;It&quot; quoted"));
    }

    @Test
    void bigramsOnlyWhenAskedFor() {
        assertEquals(List.of("one two", "two three"), new TermExtractor(2, 2).terms("one two three"));
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new NGramExtractor(2, 1));
    }
}
