package dev.pigeonhole.training.tabular;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.model.tabular.TabularModel;
import java.time.Duration;
import java.util.List;

/**
 * A tabular model trained on all the rows, the candidate it came from with every candidate's cross-validated scores,
 * and the metrics its twin (trained without the held-out share) reached on that share.
 */
public record TabularTrainingResult(TabularModel model, TabularTrainer trainer,
                                    List<TabularTraining.CandidateScore> candidates,
                                    TabularTraining.CandidateScore chosen, ClassificationMetrics holdoutMetrics,
                                    int trainedOn, int heldOut, Duration trainingTime) {

    public TabularTrainingResult {
        candidates = List.copyOf(candidates);
    }
}
