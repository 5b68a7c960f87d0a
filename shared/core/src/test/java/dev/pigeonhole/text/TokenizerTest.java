package dev.pigeonhole.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void splitsOnNonWordCharactersAndDropsSingleCharacters() {
        assertEquals(List.of("hello", "world", "42", "snake_case"),
                tokenizer.tokenize("hello, world! a 42 snake_case x"));
    }

    @Test
    void keepsAccentedLettersInsideTokens() {
        assertEquals(List.of("élève", "café", "über"), tokenizer.tokenize("élève café-über"));
    }

    @Test
    void returnsNothingForPunctuationOnly() {
        assertEquals(List.of(), tokenizer.tokenize("?! -- ..."));
    }
}
