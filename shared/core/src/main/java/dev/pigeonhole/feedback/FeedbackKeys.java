package dev.pigeonhole.feedback;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where feedback, its counter and the retrain requests live in the store. */
final class FeedbackKeys {

    static final String RECORDS_PREFIX = "feedback/records/";
    static final String COUNTER = "feedback/counter.json";
    static final String REQUESTS_PREFIX = "retrain-requests/";
    static final String DONE_PREFIX = REQUESTS_PREFIX + "done/";
    static final String JSON = ".json";

    private FeedbackKeys() {
    }

    static String record(String feedbackId) {
        return RECORDS_PREFIX + feedbackId + JSON;
    }

    /**
     * The record of {@code clientId}'s feedback on {@code predictionId}: one key per client and prediction, so that
     * creating it if absent is the whole idempotency check. Hashed: a prediction id is client input and need not be a
     * valid key segment; client ids hold no line break, so the pair is unambiguous.
     */
    static String record(@Nullable String clientId, String predictionId) {
        return RECORDS_PREFIX + "p-" + sha256((clientId == null ? "" : clientId) + "\n" + predictionId) + JSON;
    }

    static String request(String id) {
        return REQUESTS_PREFIX + id + JSON;
    }

    static String done(String id) {
        return DONE_PREFIX + id + JSON;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
