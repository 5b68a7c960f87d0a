package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.AzuriteServer;

/** Feedback at fleet scale on Azurite, the Azure Blob Storage emulator. */
class AzuriteFeedbackAtScaleTest extends FeedbackAtScaleContract {

    @Override
    ArtifactStore store() {
        return AzuriteServer.shared().newStore();
    }

    @Override
    int feedbacksPerThread() {
        return 10;
    }
}
