package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrainSplitTest {

    private static Dataset reference() {
        List<LabeledText> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            examples.add(new LabeledText("rocket orbit " + i, "Science"));
            examples.add(new LabeledText("hockey goal " + i, "Sport"));
        }
        return new Dataset("reference.jsonl", "r", examples);
    }

    private static Dataset feedback(int count) {
        List<LabeledText> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            examples.add(new LabeledText("feedback text " + i, i % 2 == 0 ? "Science" : "Sport"));
        }
        return new Dataset("feedback/records/", "f", examples);
    }

    @Test
    void referenceHoldoutAndNoFeedbackShareGiveTwoEvaluationExamplesAndAllFeedbackInTraining() {
        RetrainData data = new RetrainSplit(0.2, 42, 0.0).split(reference(), feedback(6));

        assertEquals(2, data.evaluation().size());
        assertEquals(2, data.referenceEvaluation());
        assertEquals(0, data.feedbackEvaluation());
        assertEquals(8 + 6, data.training().size());
        assertEquals(6, data.feedbackTraining());
    }

    @Test
    void feedbackOnAnEvaluationTextNeverReachesTraining() {
        RetrainData first = new RetrainSplit(0.2, 42, 0.0).split(reference(), feedback(0));
        LabeledText evaluated = first.evaluation().examples().get(0);
        String otherLabel = evaluated.label().equals("Sport") ? "Science" : "Sport";
        Dataset leak = new Dataset("feedback/records/", "f", List.of(new LabeledText(evaluated.text(), otherLabel)));

        RetrainData data = new RetrainSplit(0.2, 42, 0.0).split(reference(), leak);

        assertFalse(data.training().texts().contains(evaluated.text()));
        assertEquals(8, data.training().size());
        assertEquals(0, data.feedbackTraining());
    }

    @Test
    void feedbackWithALabelTheReferenceLacksIsLeftOut() {
        Dataset feedback = new Dataset("feedback/records/", "f", List.of(new LabeledText("stock prices", "Commerce")));

        RetrainData data = new RetrainSplit(0.2, 42, 0.5).split(reference(), feedback);

        assertEquals(1, data.feedbackOutsideLabels());
        assertEquals(List.of("Science", "Sport"), data.training().labels());
        assertEquals(List.of("Science", "Sport"), data.evaluation().labels());
    }

    @Test
    void feedbackKeepsItsSideAsMoreFeedbackArrives() {
        RetrainData before = new RetrainSplit(0.2, 42, 0.3).split(reference(), feedback(40));
        RetrainData after = new RetrainSplit(0.2, 42, 0.3).split(reference(), feedback(400));

        assertTrue(before.feedbackEvaluation() > 0 && before.feedbackTraining() > 0, before.toString());
        assertTrue(after.evaluation().examples().containsAll(before.evaluation().examples()));
        assertTrue(after.training().examples().containsAll(before.training().examples()));
        assertEquals(40, before.feedbackEvaluation() + before.feedbackTraining());
        assertEquals(400, after.feedbackEvaluation() + after.feedbackTraining());
    }
}
