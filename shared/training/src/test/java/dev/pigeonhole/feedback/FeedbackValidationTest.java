package dev.pigeonhole.feedback;

import dev.pigeonhole.store.LocalArtifactStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackValidationTest {

    @TempDir
    Path root;

    private String refusal(FeedbackSubmission submission) {
        LocalArtifactStore store = new LocalArtifactStore(root);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeedbackRecorder(store, 100, FeedbackStoreContract.CLOCK).record(submission));
        assertEquals(List.of(), store.list(""), "nothing may be stored for refused feedback");
        return e.getMessage();
    }

    @Test
    void whitespaceOnlyTextIsRefused() {
        assertEquals("field 'text' is empty; send a non-blank value",
                refusal(new FeedbackSubmission(" \n\t", "Science", "Sport", null, null)));
    }

    @Test
    void missingTrueLabelIsRefused() {
        assertEquals("field 'true_label' is missing", refusal(new FeedbackSubmission("text", "Science", null, null, null)));
    }

    @Test
    void blankPredictedLabelIsRefused() {
        assertEquals("field 'predicted_label' is empty; send a non-blank value",
                refusal(new FeedbackSubmission("text", "", "Sport", "p-1", null)));
    }

    @Test
    void retrainEveryBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeedbackRecorder(new LocalArtifactStore(root), 0, FeedbackStoreContract.CLOCK));
        assertEquals("retrain every must be at least 1 feedback, got 0", e.getMessage());
    }
}
