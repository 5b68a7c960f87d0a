package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.S3ProxyServer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The feedback store contract on a real S3 API server (s3proxy). */
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

    @Test
    @Disabled("s3proxy 4.1.0 (filesystem) checks If-Match and then renames without a lock, so the counter loses "
            + "increments; see S3ArtifactStoreTest")
    @Override
    void feedbacksFromSixteenThreadsAreAllRecordedWithOneRequestPerK() {
    }
}
