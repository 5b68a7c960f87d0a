package dev.pigeonhole.predict;

import dev.pigeonhole.documents.ExtractedText;
import dev.pigeonhole.documents.TextExtractor;
import dev.pigeonhole.predict.api.PredictionResponse;
import dev.pigeonhole.predict.api.UploadPredictionResponse;
import dev.pigeonhole.http.RequestRejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code POST /upload}: classifies the text of an uploaded document (PDF, DOCX, TXT, MD). */
@Controller("/upload")
public final class UploadController {

    private final TextExtractor extractor;
    private final Predictor predictor;

    public UploadController(TextExtractor extractor, Predictor predictor) {
        this.extractor = extractor;
        this.predictor = predictor;
    }

    /**
     * Extracts the document's text and classifies it.
     *
     * @param file the document, as the multipart field {@code file}
     * @param includeText {@code include_text=true} adds the extracted text to the answer (for sending feedback)
     * @return the prediction, the file name and how many characters were extracted
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Classify an uploaded document")
    public UploadPredictionResponse upload(@Part("file") @Nullable CompletedFileUpload file,
                                           @QueryValue(value = "include_text", defaultValue = "false") boolean includeText) {
        if (file == null) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
                    "missing multipart field \"file\": send the document as multipart/form-data in a field named file");
        }
        ExtractedText extracted = extractor.extract(file.getFilename(), bytesOf(file));
        Predictor.requireClassifiable("the document's text", extracted.text());
        PredictionResponse prediction = predictor.predict(extracted.text());
        return UploadPredictionResponse.of(prediction, file.getFilename(), extracted.text().length(),
                includeText ? extracted.text() : null);
    }

    private static byte[] bytesOf(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
