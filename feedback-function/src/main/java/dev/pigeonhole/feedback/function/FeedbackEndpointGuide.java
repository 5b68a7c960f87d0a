package dev.pigeonhole.feedback.function;

import dev.pigeonhole.http.EndpointGuide;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The feedback function's endpoints, example body and body limit, for the framework's error messages. */
@Singleton
final class FeedbackEndpointGuide implements EndpointGuide {

    static final String EXAMPLE_BODY = "{\"text\": \"the text that was classified\", "
            + "\"predicted_label\": \"the label it was given\", \"true_label\": \"the right label\"}";

    private final FeedbackConfiguration configuration;

    FeedbackEndpointGuide(FeedbackConfiguration configuration) {
        this.configuration = configuration;
    }

    static String tooLargeMessage(long maxBodyBytes) {
        return "the request body is larger than the limit of " + maxBodyBytes + " bytes for feedback: send a shorter text";
    }

    static String batchTooLargeMessage(long maxBodyBytes) {
        return "the request body is larger than the limit of " + maxBodyBytes + " bytes for feedback: send fewer items "
                + "per batch, or shorter texts";
    }

    @Override
    public String endpoints() {
        return "GET /health, POST /feedback, POST /feedback/batch";
    }

    @Override
    public String exampleBody(String path) {
        return path.startsWith("/feedback/batch") ? FeedbackBatchController.EXAMPLE_BODY : EXAMPLE_BODY;
    }

    @Override
    public Optional<String> tooLargeMessage(String path) {
        return Optional.of(path.startsWith("/feedback/batch") ? batchTooLargeMessage(configuration.maxBodyBytes())
                : tooLargeMessage(configuration.maxBodyBytes()));
    }
}
