package dev.pigeonhole.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadPredictionTest {

    @Test
    void customDimensionsCarryExactlyTheContractNames() {
        BadPrediction event = new BadPrediction("short text", "comp.graphics", "sci.space", "v7", "fb-1");

        Map<String, String> dimensions = event.customDimensions();

        assertEquals(List.of("text", "predicted_label", "true_label", "model_version", "feedback_id"),
                List.copyOf(dimensions.keySet()));
        assertEquals(Map.of("text", "short text", "predicted_label", "comp.graphics", "true_label", "sci.space",
                "model_version", "v7", "feedback_id", "fb-1"), dimensions);
    }

    @Test
    void textDimensionKeepsTheFirstThousandCharacters() {
        String text = "a".repeat(999) + "bc" + "d".repeat(500);

        String kept = new BadPrediction(text, "p", "t", "v", "f").customDimensions().get("text");

        assertEquals("a".repeat(999) + "b", kept);
    }

    @Test
    void textOfExactlyAThousandCharactersIsKeptWhole() {
        String text = "z".repeat(1_000);

        assertEquals(text, new BadPrediction(text, "p", "t", "v", "f").truncatedText());
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String text = "a".repeat(999) + "\uD83D\uDE00" + "tail";

        String kept = new BadPrediction(text, "p", "t", "v", "f").truncatedText();

        assertEquals("a".repeat(999), kept);
    }

    @Test
    void missingModelVersionIsReportedAsUnknown() {
        assertEquals("unknown", new BadPrediction("x", "p", "t", null, "f").customDimensions().get("model_version"));
        assertEquals("unknown", new BadPrediction("x", "p", "t", " ", "f").modelVersion());
    }

    @Test
    void missingTextLabelsOrFeedbackIdAreRejectedAtConstruction() {
        assertThrows(NullPointerException.class, () -> new BadPrediction(null, "p", "t", "v", "f"));
        assertThrows(NullPointerException.class, () -> new BadPrediction("x", null, "t", "v", "f"));
        assertThrows(NullPointerException.class, () -> new BadPrediction("x", "p", null, "v", "f"));
        assertThrows(NullPointerException.class, () -> new BadPrediction("x", "p", "t", "v", null));
    }
}
