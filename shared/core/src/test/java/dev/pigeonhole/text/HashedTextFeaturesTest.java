package dev.pigeonhole.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashedTextFeaturesTest {

    private static final HashedFeatureSpec SPEC = new HashedFeatureSpec(2, 2, 4, 16, 0.3);
    private static final List<String> DOCUMENTS = List.of(
            "the rocket reached orbit", "the probe reached the planet", "a rocket and a probe", "orbit of the planet");

    @Test
    void whiteSpaceTokensGiveCharacterNGramsOfPunctuationTooAndHashAsTheyAreNamed() {
        HashedNGrams ngrams = new HashedNGrams(new HashedFeatureSpec(2, 2, 4, 16, 0.3,
                HashedFeatureSpec.CharTokens.WHITESPACE));
        List<Integer> hashed = new ArrayList<>();
        List<Integer> named = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String text = "great game :) see\u2003you!!";
        ngrams.hash(text, hashed::add);
        ngrams.name(text, (bucket, name) -> {
            named.add(bucket);
            names.add(name);
        });
        assertEquals(named, hashed);
        // Words and word pairs as before, then the character n-grams of each white-space token.
        assertEquals(List.of("great", "game", "great game", "see", "game see", "you", "see you", "g…"),
                names.subList(0, 8));
        assertTrue(names.contains("…:)…"), names.toString());
        assertTrue(names.contains("…!!"), names.toString());
        assertTrue(names.contains("…u!!"), names.toString());
        List<String> wordsOnly = new ArrayList<>();
        new HashedNGrams(SPEC).name(text, (bucket, name) -> wordsOnly.add(name));
        assertFalse(wordsOnly.contains("…:)…") || wordsOnly.contains("…!!"), wordsOnly.toString());
    }

    @Test
    void hashingFromTheCharactersMeetsHashingTheNamedStrings() {
        HashedNGrams ngrams = new HashedNGrams(SPEC);
        List<Integer> hashed = new ArrayList<>();
        List<Integer> named = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String text = "the rocket's orbit, a x éclair";
        ngrams.hash(text, hashed::add);
        ngrams.name(text, (bucket, name) -> {
            named.add(bucket);
            names.add(name);
        });
        assertEquals(named, hashed);
        // "the" as a word, then the n-grams of " the " from each start, shortest first.
        assertEquals(List.of("the", "t…", "th…", "the…", "…th…", "…the…", "…the", "…he…", "…he", "…e"),
                names.subList(0, 10));
        assertTrue(names.contains("rocket orbit"), names.toString());
        assertTrue(names.contains("…cke…"), names.toString());
        assertTrue(names.contains("…air"), names.toString());
        assertFalse(names.contains("x"), names.toString());
    }

    @Test
    void blocksAreNormalisedToTheirShares() {
        HashedTextFeatures features = new HashedFeaturesFitter(SPEC, 1).fit(DOCUMENTS);
        SparseVector x = features.transform("The rocket reached the planet");
        double word = 0;
        double chars = 0;
        int firstChar = features.dimension();
        for (int i = 0; i < features.dimension(); i++) {
            if (features.bucket(i) >= SPEC.blockSize()) {
                firstChar = i;
                break;
            }
        }
        for (int i = 0; i < x.size(); i++) {
            double square = (double) x.values()[i] * x.values()[i];
            if (x.indices()[i] < firstChar) {
                word += square;
            } else {
                chars += square;
            }
            assertTrue(i == 0 || x.indices()[i] > x.indices()[i - 1], "indices increase");
        }
        assertEquals(0.7, word, 1e-6);
        assertEquals(0.3, chars, 1e-6);
        SparseVector reweighed = features.reweigh(x, 0.3, 0.5);
        assertArrayEquals(features.withCharShare(0.5).transform("The rocket reached the planet").values(),
                reweighed.values(), 1e-6f);
    }

    @Test
    void bucketsOfOneDocumentAreLeftOutBelowTheMinimumFrequency() {
        HashedTextFeatures once = new HashedFeaturesFitter(HashedFeatureSpec.words(16), 1).fit(DOCUMENTS);
        HashedTextFeatures twice = new HashedFeaturesFitter(HashedFeatureSpec.words(16), 2).fit(DOCUMENTS);
        assertTrue(once.knows("reached") && once.knows("and"));
        assertTrue(twice.knows("reached"));
        assertFalse(twice.knows("and"));
        assertTrue(twice.transform("and").isEmpty());
    }

    @Test
    void featuresAreNamedFromTheTextTheyCameFrom() {
        HashedTextFeatures features = new HashedFeaturesFitter(SPEC, 2).fit(DOCUMENTS);
        SparseVector x = features.transform("the rocket reached orbit");
        List<String> names = List.of(features.names("the rocket reached orbit", x.indices()));
        assertTrue(names.containsAll(List.of("the", "rocket", "reached", "orbit")), names.toString());
        assertTrue(names.stream().noneMatch(name -> name.startsWith("#")), names.toString());
    }

    @Test
    void aTextWithMoreDistinctFeaturesThanTheCounterStartsWithIsCountedWhole() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            text.append("w").append(Integer.toString(i, 36)).append(' ');
        }
        HashedTextFeatures features = new HashedFeaturesFitter(HashedFeatureSpec.words(20), 1)
                .fit(List.of(text.toString()));
        SparseVector x = features.transform(text.toString());
        assertEquals(features.dimension(), x.size());
        assertTrue(x.size() > 20_000, "unigrams and bigrams: " + x.size());
    }
}
