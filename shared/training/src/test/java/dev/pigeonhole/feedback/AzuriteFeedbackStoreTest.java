package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.AzuriteServer;

/** The feedback store contract on Azurite, the Azure Blob Storage emulator. */
class AzuriteFeedbackStoreTest extends FeedbackStoreContract {

    @Override
    ArtifactStore store() {
        return AzuriteServer.shared().newStore();
    }

    /** 160 feedbacks, k = 8: the same 20 requests under the same contention, in seconds rather than minutes over HTTP. */
    @Override
    int feedbacksPerThread() {
        return 10;
    }
}
