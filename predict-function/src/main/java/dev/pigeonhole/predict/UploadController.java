package dev.pigeonhole.predict;

import dev.pigeonhole.documents.ExtractedText;
import dev.pigeonhole.documents.TextExtractor;
import dev.pigeonhole.predict.api.PredictionResponse;
import dev.pigeonhole.predict.api.UploadPredictionResponse;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.http.MultipartForm;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** {@code POST /upload}: classifies the text of an uploaded document (PDF, DOCX, TXT, MD). */
@Controller("/upload")
public final class UploadController {

    private static final String MISSING_FILE =
            "missing multipart field \"file\": send the document as multipart/form-data in a field named file";

    private final TextExtractor extractor;
    private final Predictor predictor;
    private final UploadLimits limits;

    public UploadController(TextExtractor extractor, Predictor predictor, UploadLimits limits) {
        this.extractor = extractor;
        this.predictor = predictor;
        this.limits = limits;
    }

    /**
     * Extracts the document's text and classifies it.
     *
     * @param request the multipart/form-data request, with the document in the field {@code file}
     * @return the prediction, the file name and how many characters were extracted
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Classify an uploaded document",
            parameters = {@Parameter(name = "include_text", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"),
                    description = "true adds the extracted text to the answer (for sending feedback)"),
                @Parameter(name = "explain", in = ParameterIn.QUERY, schema = @Schema(type = "integer"),
                    description = "how many features that pushed the winning category to name (0 to 20)")},
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = "object",
                            description = "the document (PDF, DOCX, TXT or MD) in the field file"))))
    public CompletableFuture<UploadPredictionResponse> upload(ServerHttpRequest<?> request) {
        // The raw body, parsed here, rather than @Part and @QueryValue: the Lambda and Azure Functions adapters
        // bind no multipart parts, and read the query of a form post from its body.
        return request.byteBody().split().buffer().thenApply(body -> {
            try (body) {
                return classify(request, body.toByteArray());
            }
        });
    }

    private UploadPredictionResponse classify(HttpRequest<?> request, byte[] body) {
        MultipartForm.Part file = fileOf(request, body);
        if (file.content().length > limits.maxBytes()) {
            throw new RequestRejectedException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "the document is larger than the upload limit of " + limits.maxBytes() + " bytes: send a smaller file");
        }
        String filename = file.filename() == null ? "" : file.filename();
        ExtractedText extracted = extractor.extract(filename, file.content());
        Predictor.requireClassifiable("the document's text", extracted.text());
        PredictionResponse prediction = predictor.predict(extracted.text(), Predictor.explainCount(queryValue(request, "explain")));
        return UploadPredictionResponse.of(prediction, filename, extracted.text().length(),
                includeText(request) ? extracted.text() : null);
    }

    private static MultipartForm.Part fileOf(HttpRequest<?> request, byte[] body) {
        MultipartForm form;
        try {
            form = MultipartForm.parse(request.getHeaders().get(HttpHeaders.CONTENT_TYPE), body);
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST, e.getMessage() + ": " + MISSING_FILE);
        }
        return form.part("file").filter(part -> part.filename() != null)
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.BAD_REQUEST, MISSING_FILE));
    }

    private static String queryValue(HttpRequest<?> request, String name) {
        String query = request.getUri().getRawQuery();
        return query == null ? null : Arrays.stream(query.split("&")).filter(p -> p.startsWith(name + "="))
                .map(p -> p.substring(name.length() + 1)).findFirst().orElse(null);
    }

    private static boolean includeText(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return query != null && Arrays.asList(query.split("&")).contains("include_text=true");
    }
}
