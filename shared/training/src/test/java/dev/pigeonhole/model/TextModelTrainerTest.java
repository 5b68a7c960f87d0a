package dev.pigeonhole.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextModelTrainerTest {

    private static final TrainingParameters PARAMETERS = new TrainingParameters(1, 2, 1, 0.1, 1e-6, 500);

    @Test
    void smallFixedCorpusGivesKnownPredictions() {
        TextModel model = new TextModelTrainer(PARAMETERS).train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS);

        assertEquals(155, model.features().dimension());
        assertEquals(List.of("Science", "Sport", "Informatique", "Sport", "Science"), List.of(
                model.classify("a probe in orbit around the planet").bestLabel(),
                model.classify("the team played a great game").bestLabel(),
                model.classify("reboot the computer after installing the software").bestLabel(),
                model.classify("the players won the final match").bestLabel(),
                model.classify("patients in the vaccine trial").bestLabel()));
    }

    @Test
    void probabilitiesCoverEveryLabelAndSumToOne() {
        TextModel model = new TextModelTrainer(PARAMETERS).train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS);
        Classification c = model.classify("telescope data from the space probe");
        double sum = 0;
        for (double p : c.probabilities()) {
            sum += p;
        }
        assertEquals(3, c.probabilities().length);
        assertEquals(1.0, sum, 1e-12);
        assertEquals("Science", c.ranked().get(0).label());
    }

    @Test
    void textWithNoKnownTermFallsBackToThePriorAndSaysSo() {
        TextModel model = new TextModelTrainer(PARAMETERS).train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS);
        Classification c = model.classify("zzz qqq");
        assertEquals(0, c.knownFeatures());
        assertEquals(3, c.ranked().size());
    }
}
