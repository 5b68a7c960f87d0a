package dev.pigeonhole.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of classifying one text: a probability per label (summing to 1) and how many known
 * features the text had (0 means the model saw nothing it knows).
 */
public record Classification(List<String> labels, double[] probabilities, int knownFeatures) {

    /** Index of the most probable label; ties go to the first label. */
    public int bestIndex() {
        return ProbabilisticClassifier.argMax(probabilities);
    }

    public String bestLabel() {
        return labels.get(bestIndex());
    }

    /** Every label with its probability, most probable first (ties in label order). */
    public List<LabelScore> ranked() {
        List<LabelScore> scores = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            scores.add(new LabelScore(i, labels.get(i), probabilities[i]));
        }
        scores.sort(Comparator.comparingDouble(LabelScore::probability).reversed()
                .thenComparingInt(LabelScore::index));
        return scores;
    }

    /** One label's index, name and probability. */
    public record LabelScore(int index, String label, double probability) {
    }
}
