package dev.pigeonhole.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.model.HashedSvmRecipe;
import dev.pigeonhole.text.HashedFeatureSpec.CharTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SvmSearchTest {

    private static final List<String> WORDS = List.of("today", "train", "coffee", "meeting", "weather", "lunch", "music",
            "movie", "game", "email", "phone", "street", "garden", "book", "river", "window");

    /** Texts of random everyday words; the label is in {@code marker(label)} appended to each. */
    private static Dataset dataset(java.util.function.IntFunction<String> marker) {
        Random random = new Random(7);
        List<LabeledText> examples = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int label = i % 2;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
            }
            examples.add(new LabeledText(text + marker.apply(label), label == 0 ? "negative" : "positive"));
        }
        return new Dataset("synthetic", "0".repeat(64), examples);
    }

    private static RecipeSearch.Choice search(Dataset data) {
        return SvmSearch.defaults(42, Progress.SILENT).select(HashedSvmRecipe.defaults(), data);
    }

    @Test
    void takesWhiteSpaceTokensWhenOnlyPunctuationTellsTheLabels() {
        RecipeSearch.Choice choice = search(dataset(label -> label == 0 ? ":(" : ":)"));

        HashedSvmRecipe chosen = (HashedSvmRecipe) choice.recipe();
        assertEquals(CharTokens.WHITESPACE, chosen.features().charTokens(), choice.chosen());
        assertTrue(choice.chosen().endsWith("character n-grams within white-space tokens"), choice.chosen());
        double words = choice.validationAccuracy().entrySet().stream().filter(e -> !e.getKey().endsWith("_whitespace"))
                .mapToDouble(java.util.Map.Entry::getValue).max().orElseThrow();
        double whitespace = choice.validationAccuracy().entrySet().stream().filter(e -> e.getKey().endsWith("_whitespace"))
                .mapToDouble(java.util.Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(whitespace > words + SvmSearch.WHITESPACE_MARGIN, words + " vs " + whitespace);
    }

    @Test
    void keepsWordsWhenWhiteSpaceTokensGainNothing() {
        RecipeSearch.Choice choice = search(dataset(label -> label == 0 ? "sad" : "glad"));

        HashedSvmRecipe chosen = (HashedSvmRecipe) choice.recipe();
        assertEquals(CharTokens.WORDS, chosen.features().charTokens(), choice.chosen());
        assertEquals(7, choice.validationAccuracy().size(), choice.validationAccuracy().toString());
    }
}
