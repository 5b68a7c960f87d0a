package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.S3ProxyServer;

/**
 * Feedback at fleet scale on s3proxy. Its racing If-Match replaces all succeed: instances racing for the counter lose
 * increments there, never add one, and the reconciliation still makes exactly ⌊N/k⌋ requests.
 */
class S3FeedbackAtScaleTest extends FeedbackAtScaleContract {

    @Override
    ArtifactStore store() {
        return S3ProxyServer.shared().newStore();
    }

    @Override
    int feedbacksPerThread() {
        return 10;
    }
}
