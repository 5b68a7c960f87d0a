package dev.pigeonhole.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextModelCodecTest {

    private final TextModelCodec codec = new TextModelCodec();
    private final TextModel model = new TextModelTrainer(new TrainingParameters(1, 2, 1, 0.1, 1e-6, 500))
            .train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS);

    @Test
    void roundTripGivesIdenticalProbabilities() {
        TextModel decoded = codec.decode(codec.encode(model.withTemperature(1.7)));
        assertEquals(TinyCorpus.LABELS, decoded.labels());
        assertEquals(1.7, decoded.classifier().temperature());
        for (String text : List.of("rocket orbit", "hockey game overtime", "windows driver")) {
            assertArrayEquals(model.withTemperature(1.7).classify(text).probabilities(),
                    decoded.classify(text).probabilities(), 0.0);
        }
    }

    @Test
    void writesTheThreeDocumentedFiles() {
        assertEquals(List.of("model.json", "vocabulary.tsv.gz", "weights.bin"), List.copyOf(codec.encode(model).keySet()));
    }

    @Test
    void truncatedWeightsAreRefusedWithTheFileName() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        byte[] weights = files.get("weights.bin");
        files.put("weights.bin", java.util.Arrays.copyOf(weights, weights.length - 4));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> codec.decode(files));
        assertTrue(e.getMessage().startsWith("weights.bin has"), e.getMessage());
    }

    @Test
    void unknownFormatIsRefused() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        files.put("model.json", new String(files.get("model.json")).replace("pigeonhole-linear-text/1", "other/9").getBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> codec.decode(files));
        assertTrue(e.getMessage().contains("unsupported model format 'other/9'"), e.getMessage());
    }

    @Test
    void missingFileIsRefused() {
        Map<String, byte[]> files = new HashMap<>(codec.encode(model));
        files.remove("vocabulary.tsv.gz");
        assertEquals("model file vocabulary.tsv.gz is missing",
                assertThrows(ModelFormatException.class, () -> codec.decode(files)).getMessage());
    }
}
