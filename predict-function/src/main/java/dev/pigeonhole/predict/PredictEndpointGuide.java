package dev.pigeonhole.predict;

import dev.pigeonhole.http.EndpointGuide;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The predict function's endpoints, example bodies and upload limit, for the framework's error messages. */
@Singleton
final class PredictEndpointGuide implements EndpointGuide {

    private final UploadLimits uploadLimits;

    PredictEndpointGuide(UploadLimits uploadLimits) {
        this.uploadLimits = uploadLimits;
    }

    @Override
    public String endpoints() {
        return "GET /health, POST /predict, POST /predict/batch, POST /upload, GET /model, GET /docs";
    }

    @Override
    public String exampleBody(String path) {
        return path.startsWith("/predict/batch")
                ? "{\"texts\": [\"a text\", \"another text\"]}"
                : "{\"text\": \"the text to classify\"}";
    }

    @Override
    public String acceptedContent(String path) {
        return path.startsWith("/upload") ? "multipart/form-data with the document in the field 'file'" : "application/json";
    }

    @Override
    public Optional<String> tooLargeMessage(String path) {
        return path.startsWith("/upload")
                ? Optional.of("the document is larger than the upload limit of " + uploadLimits.maxBytes()
                        + " bytes: send a smaller file")
                : Optional.empty();
    }
}
