package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;

/**
 * What a retrain trains and evaluates on: the candidate's training set and the fixed evaluation set, with how much of
 * each came from the reference data and from the feedback.
 */
public record RetrainData(Dataset training, Dataset evaluation, int referenceEvaluation, int feedbackEvaluation,
                          int feedbackTraining, int feedbackOutsideLabels) {
}
