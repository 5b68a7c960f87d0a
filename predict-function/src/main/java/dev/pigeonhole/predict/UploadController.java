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
import io.micronaut.http.body.ByteBody;
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
    private final DocumentWorkers workers;

    public UploadController(TextExtractor extractor, Predictor predictor, UploadLimits limits, DocumentWorkers workers) {
        this.extractor = extractor;
        this.predictor = predictor;
        this.limits = limits;
        this.workers = workers;
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
        // Refused before a byte is buffered: the runtimes without a server-wide request limit (Lambda, Azure)
        // would otherwise copy and parse it first.
        long declared = request.byteBody().expectedLength().orElse(request.getContentLength());
        if (declared > limits.maxRequestBytes()) {
            throw tooLarge();
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        boolean includeText = includeText(request);
        int explain = Predictor.explainCount(queryValue(request, "explain"));
        // The raw body, parsed here, rather than @Part and @QueryValue: the Lambda and Azure Functions adapters
        // bind no multipart parts, and read the query of a form post from its body. FASTEST, not the default
        // SLOWEST: the request keeps its own claim on the body, which nothing reads, and Netty would stop reading
        // at the pace of that claim once its first 64 KB were buffered.
        return request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenCompose(buffered -> {
                    byte[] body;
                    try (buffered) {
                        body = buffered.toByteArray();
                    }
                    // Parsing and extraction are CPU-bound and may be slow on hostile input: never on the event loop.
                    return workers.submit(() -> classify(contentType, body, includeText, explain));
                });
    }

    private UploadPredictionResponse classify(String contentType, byte[] body, boolean includeText, int explain) {
        MultipartForm.Part file = fileOf(contentType, body);
        if (file.content().length > limits.maxBytes()) {
            throw tooLarge();
        }
        String filename = file.filename() == null ? "" : file.filename();
        ExtractedText extracted = extractor.extract(filename, file.content());
        Predictor.requireClassifiable("the document's text", extracted.text());
        PredictionResponse prediction = predictor.predict(extracted.text(), explain);
        return UploadPredictionResponse.of(prediction, filename, extracted.text().length(),
                includeText ? extracted.text() : null);
    }

    private RequestRejectedException tooLarge() {
        return new RequestRejectedException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "the document is larger than the upload limit of " + limits.maxBytes() + " bytes: send a smaller file");
    }

    private static MultipartForm.Part fileOf(String contentType, byte[] body) {
        MultipartForm form;
        try {
            form = MultipartForm.parse(contentType, body);
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
