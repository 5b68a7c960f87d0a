package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.S3ProxyServer;

/**
 * The feedback store contract on a real S3 API server (s3proxy). Its If-Match is not atomic (see S3ArtifactStoreTest),
 * but one recorder has at most one counter update in flight (RetrainCounter), so the concurrency test holds here too.
 */
class S3FeedbackStoreTest extends FeedbackStoreContract {

    @Override
    ArtifactStore store() {
        return S3ProxyServer.shared().newStore();
    }

    /** 160 feedbacks, k = 8: the same 20 requests under the same contention, in seconds rather than minutes over HTTP. */
    @Override
    int feedbacksPerThread() {
        return 10;
    }
}
