package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import dev.pigeonhole.text.TfIdfModel;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextModelExplainTest {

    private final TextModel model = new TextModelTrainer(new TrainingParameters(1, 2, 1, 0.1, 1e-6, 500))
            .train(TinyCorpus.TEXTS, TinyCorpus.Y, TinyCorpus.LABELS);

    @Test
    void explanationIsTheValueTimesTheWeightAboveTheClassMeanLargestFirst() {
        String text = "the rocket reached orbit";
        int science = TinyCorpus.LABELS.indexOf("Science");
        TfIdfModel vocabulary = (TfIdfModel) model.features();
        SparseVector x = vocabulary.transform(text);
        float[][] weights = model.classifier().weights();
        Map<String, Double> expected = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            int j = x.indices()[i];
            double mean = ((double) weights[0][j] + weights[1][j] + weights[2][j]) / 3.0;
            double contribution = (weights[science][j] - mean) * x.values()[i];
            if (contribution > 0) {
                expected.put(vocabulary.term(x.indices()[i]), contribution);
            }
        }
        List<FeatureContribution> ranked = expected.entrySet().stream()
                // Ties keep feature order, which in a vocabulary is the terms' order.
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new FeatureContribution(e.getKey(), e.getValue())).toList();

        List<FeatureContribution> explained = model.explain(text, science, 20);
        assertEquals(ranked.size(), explained.size());
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(ranked.get(i).feature(), explained.get(i).feature());
            assertEquals(ranked.get(i).contribution(), explained.get(i).contribution(), 1e-12);
        }
        assertEquals(explained.subList(0, 2), model.explain(text, science, 2));
    }

    @Test
    void theReferenceClassOfAMultinomialModelIsExplainedToo() {
        // Smile's multinomial model scores its last class 0: its own weights say nothing, the others' do.
        int informatique = TinyCorpus.LABELS.indexOf("Informatique");
        List<FeatureContribution> explained = model.explain("the compiler reported a syntax error", informatique, 2);
        assertEquals(2, explained.size());
    }
}
