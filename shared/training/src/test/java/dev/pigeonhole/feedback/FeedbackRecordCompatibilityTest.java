package dev.pigeonhole.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pigeonhole.store.LocalArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback records stored before callers had API keys still read, with no client id; new ones keep theirs. */
class FeedbackRecordCompatibilityTest {

    @TempDir
    Path root;

    @Test
    void aRecordStoredBeforeApiKeysReadsWithoutClientId() throws IOException {
        LocalArtifactStore store = new LocalArtifactStore(root);
        byte[] old;
        try (InputStream in = getClass().getResourceAsStream("record-before-api-keys.json")) {
            old = in.readAllBytes();
        }
        store.putIfAbsent(FeedbackKeys.record("20261122T022640123Z-6f0c1d7e-3b7a-4c1e-9f55-0d2c8a4b7e10"), old);

        List<FeedbackRecord> records = new FeedbackReader(store).records();

        assertEquals(1, records.size());
        FeedbackRecord record = records.get(0);
        assertEquals("the probe reached orbit", record.text());
        assertEquals("Science", record.trueLabel());
        assertEquals("63c72a89-f97a-4030-8b48-10734a1f84d4", record.predictionId());
        assertNull(record.clientId());
    }

    @Test
    void aRecordedClientIdIsStoredAndReadBack() {
        LocalArtifactStore store = new LocalArtifactStore(root);
        FeedbackRecorder recorder = new FeedbackRecorder(store, 100, java.time.Clock.systemUTC());

        recorder.record(new FeedbackSubmission("the probe reached orbit", "Informatique", "Science", null, null), "web-page");

        assertEquals("web-page", new FeedbackReader(store).records().get(0).clientId());
    }
}
