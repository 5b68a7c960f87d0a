package dev.pigeonhole.model;

import dev.pigeonhole.text.HashedFeatureSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashedModelCodecTest {

    private final TextModelCodec codec = new TextModelCodec();
    private final TextModel model = new HashedSvmRecipe(new HashedFeatureSpec(2, 2, 5, 14, 0.5), 1, 1, 1e-4)
            .train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS).withTemperature(0.4);

    @Test
    void writesFormatTwoWithoutAVocabulary() {
        Map<String, byte[]> files = codec.encode(model);
        assertEquals(List.of("model.json", "features.bin", "weights.bin"), List.copyOf(files.keySet()));
        assertTrue(new String(files.get("model.json"), StandardCharsets.UTF_8).contains("\"format\":\"pigeonhole-linear-text/2\""));
    }

    @Test
    void formatTwoSaysNothingOfCharacterTokens() {
        String json = new String(codec.encode(model).get("model.json"), StandardCharsets.UTF_8);
        assertFalse(json.contains("char_tokens"), json);
    }

    @Test
    void whiteSpaceCharacterTokensAreFormatThreeAndRoundTrip() {
        HashedFeatureSpec spec = new HashedFeatureSpec(2, 2, 5, 14, 0.5, HashedFeatureSpec.CharTokens.WHITESPACE);
        TextModel whitespace = new HashedSvmRecipe(spec, 1, 1, 1e-4)
                .train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS);
        Map<String, byte[]> files = codec.encode(whitespace);
        String json = new String(files.get("model.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\":\"pigeonhole-linear-text/3\"") && json.contains("\"char_tokens\":\"whitespace\""),
                json);
        TextModel decoded = codec.decode(files);
        assertEquals(HashedFeatureSpec.CharTokens.WHITESPACE, ((dev.pigeonhole.text.HashedTextFeatures) decoded.features())
                .spec().charTokens());
        for (String text : List.of("rocket orbit!!", "hockey game :)", "windows-driver.exe", "an unseen text")) {
            assertEquals(whitespace.features().transform(text), decoded.features().transform(text), text);
        }
    }

    @Test
    void aFormatThatContradictsItsCharacterTokensIsRefused() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        String json = new String(files.get("model.json"), StandardCharsets.UTF_8)
                .replace("pigeonhole-linear-text/2", "pigeonhole-linear-text/3");
        files.put("model.json", json.getBytes(StandardCharsets.UTF_8));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> codec.decode(files));
        assertTrue(e.getMessage().contains("char_tokens"), e.getMessage());
    }

    @Test
    void roundTripKeepsFeaturesExactlyAndWeightsWithinHalfAQuantisationStep() {
        TextModel decoded = codec.decode(codec.encode(model));
        assertEquals(TinyCorpus.LABELS, decoded.labels());
        assertEquals(0.4, decoded.classifier().temperature());
        for (String text : List.of("rocket orbit", "hockey game overtime", "windows driver", "an unseen text")) {
            assertEquals(model.features().transform(text), decoded.features().transform(text));
            assertEquals(model.classify(text).bestLabel(), decoded.classify(text).bestLabel(), text);
        }
        for (int c = 0; c < 3; c++) {
            float[] original = model.classifier().weights()[c];
            float[] restored = decoded.classifier().weights()[c];
            float max = 0;
            for (float w : original) {
                max = Math.max(max, Math.abs(w));
            }
            for (int j = 0; j < original.length; j++) {
                assertEquals(original[j], restored[j], max / 127 / 2 + 1e-7, "class " + c + " feature " + j);
            }
        }
    }

    @Test
    void asServedHoldsTheInt8WeightsAFunctionDecodes() {
        TextModel served = codec.asServed(model);
        TextModel decoded = codec.decode(codec.encode(model));
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(decoded.classifier().weights()[c], served.classifier().weights()[c], "class " + c);
        }
        assertFalse(Arrays.equals(model.classifier().weights()[0], served.classifier().weights()[0]),
                "the trained floats are not what is served");
    }

    @Test
    void truncatedFeaturesAreRefusedWithTheFileName() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        byte[] features = files.get("features.bin");
        files.put("features.bin", Arrays.copyOf(features, features.length - 3));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> codec.decode(files));
        assertTrue(e.getMessage().startsWith("features.bin"), e.getMessage());
    }

    @Test
    void weightsOfTheWrongSizeAreRefused() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        byte[] weights = files.get("weights.bin");
        files.put("weights.bin", Arrays.copyOf(weights, weights.length + 1));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> codec.decode(files));
        assertTrue(e.getMessage().startsWith("weights.bin has"), e.getMessage());
    }

    @Test
    void anUnknownHashIsRefused() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        files.put("model.json", new String(files.get("model.json"), StandardCharsets.UTF_8)
                .replace("murmur3-32-utf16", "sha1").getBytes(StandardCharsets.UTF_8));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> codec.decode(files));
        assertTrue(e.getMessage().startsWith("unsupported hash 'sha1'"), e.getMessage());
    }

    @Test
    void explanationsNameWordsAndPartsOfWordsOfTheText() {
        TextModel decoded = codec.decode(codec.encode(model));
        String text = "the rocket reached orbit";
        int science = TinyCorpus.LABELS.indexOf("Science");
        List<FeatureContribution> explanation = decoded.explain(text, science, 5);
        assertEquals(5, explanation.size());
        for (int i = 0; i < explanation.size(); i++) {
            String name = explanation.get(i).feature().replace("…", "");
            assertTrue(text.contains(name), explanation.toString());
            assertTrue(explanation.get(i).contribution() > 0);
            assertTrue(i == 0 || explanation.get(i).contribution() <= explanation.get(i - 1).contribution());
        }
    }
}
