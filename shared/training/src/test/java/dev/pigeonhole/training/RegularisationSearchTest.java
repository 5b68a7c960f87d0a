package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.model.TrainingParameters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegularisationSearchTest {

    /**
     * Two classes told apart by one word each, buried in many random words that carry no signal and
     * 20% of labels flipped: a weak penalty fits the noise, a strong one generalises.
     */
    private static Dataset noisyData() {
        Random random = new Random(7);
        List<LabeledText> examples = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean positive = i % 2 == 0;
            StringBuilder text = new StringBuilder(positive ? "good" : "bad");
            for (int w = 0; w < 12; w++) {
                text.append(" w").append(random.nextInt(300));
            }
            boolean flipped = random.nextDouble() < 0.2;
            examples.add(new LabeledText(text.toString(), positive != flipped ? "positive" : "negative"));
        }
        return new Dataset("noisy", "0", examples);
    }

    @Test
    void noisyDataGetsTheStrongerPenaltyWithExactValidationScores() {
        Dataset data = noisyData();
        RegularisationSearch.Selection selection = new RegularisationSearch(List.of(1e-3, 1.0), 0.25, 42, Progress.SILENT)
                .select(new TrainingParameters(1, 1, 1, 1e-3, 1e-5, 100), data, data.labels());
        assertEquals(1.0, selection.lambda());
        assertEquals(Map.of(1e-3, 0.64, 1.0, 0.71), selection.validationAccuracy());
    }

    @Test
    void tiesGoToTheStrongerPenalty() {
        Dataset data = new Dataset("easy", "0", List.of(
                new LabeledText("alpha one", "a"), new LabeledText("alpha two", "a"), new LabeledText("alpha three", "a"),
                new LabeledText("alpha four", "a"), new LabeledText("beta one", "b"), new LabeledText("beta two", "b"),
                new LabeledText("beta three", "b"), new LabeledText("beta four", "b")));
        RegularisationSearch.Selection selection = new RegularisationSearch(List.of(1e-3, 0.1), 0.25, 42, Progress.SILENT)
                .select(new TrainingParameters(1, 1, 1, 1e-3, 1e-5, 100), data, data.labels());
        assertEquals(Map.of(1e-3, 1.0, 0.1, 1.0), selection.validationAccuracy());
        assertEquals(0.1, selection.lambda());
    }

    @Test
    void anEmptyGridIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RegularisationSearch(List.of(), 0.2, 1, Progress.SILENT));
    }
}
