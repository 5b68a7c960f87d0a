package dev.pigeonhole.predict;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static dev.pigeonhole.contract.ErrorAnswers.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.AzureEntryPoint;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.FunctionContract;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.http.ApplicationErrorHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of the predict function (README, "The HTTP API"), written once against {@link #send} so that
 * every runtime that carries it (Netty, AWS Lambda, Azure Functions) is proven by the same tests.
 */
class PredictContractTest extends FunctionContract {

    /** The predict function's Azure entry point, for the Azure runtime. */
    static final AzureEntryPoint AZURE = new AzureEntryPoint("dev.pigeonhole.predict.azure.PredictHttpFunction", "predict");

    private String version;

    @Override
    protected Map<String, String> prepare(Path store) {
        version = ModelFixture.publish(store);
        return contractProperties(store);
    }

    @Override
    protected AzureEntryPoint azureEntryPoint() {
        return AZURE;
    }

    static final long MAX_BODY_BYTES = 16_384;
    static final int MAX_BATCH_TEXTS = 100;
    /** The product's upload limits, so that documents of every real size are tried. */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    static final int MAX_UPLOAD_CHARACTERS = 1_000_000;
    /** Documents of 100 KB, 1 MB and 9.9 MB, as real uploads are. */
    static final List<Integer> DOCUMENT_SIZES = List.of(100 * 1024, 1024 * 1024, 9_900_000);

    /**
     * Serving the model of {@code store}, with a JSON body limit small enough to cross quickly, and no per-address
     * upload rate limit: the suite uploads dozens of documents from one address within seconds (the limit has its own
     * test in {@link PredictAccessTest}).
     */
    static Map<String, String> contractProperties(Path store) {
        return Map.of(
                "pigeonhole.predict.upload-rate-per-second", "0",
                "pigeonhole.store", "file:" + store,
                "pigeonhole.channel", "production",
                "pigeonhole.predict.max-body-bytes", Long.toString(MAX_BODY_BYTES),
                "pigeonhole.upload.max-bytes", Long.toString(MAX_UPLOAD_BYTES),
                "pigeonhole.upload.max-characters", Integer.toString(MAX_UPLOAD_CHARACTERS),
                "micronaut.server.max-request-size", Long.toString(2 * MAX_UPLOAD_BYTES));
    }

    /** The version the test store's production channel serves. */
    protected String servedVersion() {
        return version;
    }

    @Test
    void healthReportsTheServedVersion() {
        ContractResponse response = send(ContractRequest.get("/health"));

        assertJson(200, response);
        assertEquals(Map.of("status", "ok", "model_loaded", true, "model_version", servedVersion()), response.json());
    }

    @Test
    void predictFilesClearTextsUnderTheirCategory() {
        Map<String, String> expected = Map.of(
                "the space probe reached orbit around the planet", "Science",
                "the team scored a goal and won the game", "Sport",
                "the program crashed with a syntax error from the compiler", "Informatique");
        expected.forEach((text, label) -> {
            Map<String, Object> body = predict(text);
            assertEquals(label, body.get("category_name"), text);
            assertEquals(ModelFixture.LABELS.indexOf(label), number(body.get("prediction_class_id")), text);
            assertEquals(servedVersion(), body.get("model_version"));
            assertEquals("success", body.get("status"));
        });
    }

    @Test
    void predictScoresEveryCategoryHighestFirstSummingToOne() {
        Map<String, Object> body = predict("the rocket and the telescope observed the planet");

        List<Map<String, Object>> scores = scores(body);
        assertEquals(Set.copyOf(ModelFixture.LABELS), Set.copyOf(scores.stream().map(s -> (String) s.get("name")).toList()));
        assertEquals(ModelFixture.LABELS.size(), scores.size());
        double sum = 0;
        for (int i = 0; i < scores.size(); i++) {
            double value = ((Number) scores.get(i).get("value")).doubleValue();
            assertTrue(value > 0 && value < 1, "score " + value);
            if (i > 0) {
                assertTrue(value <= ((Number) scores.get(i - 1).get("value")).doubleValue(), "scores not sorted: " + scores);
            }
            sum += value;
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(body.get("category_name"), scores.get(0).get("name"));
    }

    @Test
    void predictionIdsAreUniqueUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = (String) predict("the team won the game").get("prediction_id");
            assertEquals(id, UUID.fromString(id).toString());
            assertEquals(4, UUID.fromString(id).version());
            ids.add(id);
        }
        assertEquals(20, ids.size());
    }

    @Test
    void batchAnswersEveryTextInRequestOrder() {
        ContractResponse response = send(ContractRequest.postJson("/predict/batch", """
                {"texts": ["the compiler reported a syntax error", "the pitcher threw a perfect game",
                           "astronomers observed the planet orbit", "the team won the hockey game"]}"""));

        assertJson(200, response);
        List<Map<String, Object>> predictions = list(response.json().get("predictions"));
        assertEquals(List.of("Informatique", "Sport", "Science", "Sport"),
                predictions.stream().map(p -> p.get("category_name")).toList());
        assertEquals(4, predictions.stream().map(p -> p.get("prediction_id")).distinct().count());
        predictions.forEach(p -> assertEquals(ModelFixture.LABELS.size(), scores(p).size()));
    }

    @Test
    void explainNamesTheWordsThatPushedTheWinningCategoryMostLargestFirst() {
        ContractResponse response = send(ContractRequest.postJson("/predict?explain=3",
                "{\"text\": \"the space probe reached orbit around the planet\"}"));

        assertJson(200, response);
        assertEquals("Science", response.json().get("category_name"));
        List<Map<String, Object>> explanation = list(response.json().get("explanation"));
        assertEquals(3, explanation.size(), response.text());
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> feature : explanation) {
            assertEquals(Set.of("feature", "contribution"), feature.keySet());
            String name = (String) feature.get("feature");
            assertTrue("the space probe reached orbit around the planet".contains(name), name);
            double contribution = ((Number) feature.get("contribution")).doubleValue();
            assertTrue(contribution > 0 && contribution <= previous, response.text());
            previous = contribution;
        }
    }

    @Test
    void withoutExplainTheAnswerHasNoExplanation() {
        assertFalse(predict("the space probe reached orbit").containsKey("explanation"));
    }

    @Test
    void batchAndUploadExplainToo() {
        ContractResponse batch = send(ContractRequest.postJson("/predict/batch?explain=2",
                "{\"texts\": [\"the compiler reported a syntax error\", \"the pitcher threw a perfect game\"]}"));
        assertJson(200, batch);
        list(batch.json().get("predictions")).forEach(p -> assertEquals(2, list(p.get("explanation")).size(), batch.text()));

        ContractResponse upload = send(ContractRequest.upload("file", "match.md", "text/markdown",
                "the team scored a goal in the final".getBytes(UTF_8)).withPath("/upload?explain=2"));
        assertJson(200, upload);
        assertEquals("Sport", upload.json().get("category_name"));
        assertEquals(2, list(upload.json().get("explanation")).size(), upload.text());
    }

    @Test
    void explainThatIsNotACountIs400() {
        assertError(400, "explain must be a whole number from 0 to 20, got \"lots\"",
                send(ContractRequest.postJson("/predict?explain=lots", "{\"text\": \"the team won\"}")));
    }

    @Test
    void featuresSentToATextModelAre400SayingWhatItExpects() {
        String expected = "this model classifies text, not rows of features: send {\"text\": \"the text to classify\"}";
        assertError(400, expected, send(ContractRequest.postJson("/predict", "{\"features\": {\"x\": 1.5}}")));
        assertError(400, expected, send(ContractRequest.postJson("/predict/batch", "{\"rows\": [{\"x\": 1.5}]}")));
    }

    @Test
    void modelReturnsTheServedManifest() {
        ContractResponse response = send(ContractRequest.get("/model"));

        assertJson(200, response);
        Map<String, Object> manifest = response.json();
        assertEquals(servedVersion(), manifest.get("version"));
        assertEquals(ModelFixture.LABELS, manifest.get("labels"));
        assertEquals("logistic-regression", manifest.get("algorithm"));
        assertEquals(List.of("confusion-matrix.svg", "metrics.json", "model.json", "vocabulary.tsv.gz", "weights.bin"),
                list(manifest.get("files")).stream().map(f -> f.get("name")).sorted().toList());
    }

    @Test
    void modelReportServesTheConfusionMatrixAsAnSvgThatCannotRunAnything() {
        ContractResponse response = send(ContractRequest.get("/model/report/confusion-matrix.svg"));

        assertEquals(200, response.status());
        assertEquals("image/svg+xml", response.header("content-type"));
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; sandbox", response.header("content-security-policy"));
        assertEquals("nosniff", response.header("x-content-type-options"));
        assertEquals(ModelFixture.CONFUSION_MATRIX_SVG, response.text());
    }

    @Test
    void modelReportServesTheMetricsOfTheServedVersion() {
        ContractResponse response = send(ContractRequest.get("/model/report/metrics.json"));

        assertJson(200, response);
        assertEquals(ModelFixture.METRICS_JSON, response.text());
    }

    @Test
    void modelReportOfAFileTheVersionLacksIs404() {
        assertError(404, "model version " + servedVersion() + " has no report.md: it was published without an evaluation report",
                send(ContractRequest.get("/model/report/report.md")));
    }

    @Test
    void modelReportServesNoOtherFileOfTheVersion() {
        for (String name : List.of("weights.bin", "model.json", "manifest.json", "..%2Fmanifest.json")) {
            ContractResponse response = send(ContractRequest.get("/model/report/" + name));
            assertJson(404, response);
            assertTrue(message(response).endsWith("the report files are metrics.json, confusion-matrix.svg, report.md"),
                    name + ": " + response.text());
        }
    }

    @Test
    void theWebPageIsServedAtTheRootWithItsScriptAndStyles() {
        ContractResponse page = send(ContractRequest.get("/"));

        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertTrue(page.text().contains("<script src=\"app.js\" defer></script>"), page.text());
        assertTrue(page.text().contains("<link rel=\"stylesheet\" href=\"style.css\">"), page.text());
        assertTrue(page.header("content-security-policy").startsWith("default-src 'none'; script-src 'self'"),
                page.header("content-security-policy"));
        assertEquals(200, send(ContractRequest.get("/app.js")).status());
        assertEquals(200, send(ContractRequest.get("/style.css")).status());
    }

    @Test
    void thePageLoadsNothingFromOtherSites() {
        for (String file : List.of("/", "/app.js", "/style.css")) {
            String text = send(ContractRequest.get(file)).text();
            assertFalse(text.matches("(?s).*(src|href)=\"(https?:)?//.*"), file + " refers to another site");
            assertFalse(text.contains("@import") || text.contains("url(http"), file);
        }
    }

    @Test
    void pageSettingsNameTheUploadLimit() {
        ContractResponse response = send(ContractRequest.get("/config.json"));

        assertJson(200, response);
        assertEquals(MAX_UPLOAD_BYTES, ((Number) response.json().get("upload_max_bytes")).longValue());
        assertTrue(((String) response.json().get("feedback_url")).endsWith("/feedback"), response.text());
    }

    @Test
    void uploadGivesTheExtractedTextBackOnlyWhenAskedTo() {
        String text = "the team scored a goal in the final";
        ContractRequest upload = ContractRequest.upload("file", "match.md", "text/markdown", text.getBytes(UTF_8));

        Map<String, Object> plain = send(upload).json();
        Map<String, Object> withText = send(upload.withPath("/upload?include_text=true")).json();

        assertFalse(plain.containsKey("text"), plain.toString());
        assertEquals(text, withText.get("text"));
        assertEquals("Sport", withText.get("category_name"));
    }

    @Test
    void uploadClassifiesATextDocumentAndSaysHowMuchWasRead() {
        String text = "the team scored a goal in the final and the fans cheered";
        ContractResponse response = send(ContractRequest.upload("file", "match.txt", "text/plain", text.getBytes(UTF_8)));

        assertJson(200, response);
        Map<String, Object> body = response.json();
        assertEquals("Sport", body.get("category_name"));
        assertEquals(1, number(body.get("prediction_class_id")));
        assertEquals("match.txt", body.get("filename"));
        assertEquals(text.length(), number(body.get("extracted_chars")));
        assertEquals(servedVersion(), body.get("model_version"));
        assertEquals("success", body.get("status"));
        assertEquals(ModelFixture.LABELS.size(), scores(body).size());
        UUID.fromString((String) body.get("prediction_id"));
    }

    @Test
    void uploadClassifiesAPdf() {
        String text = "the compiler reported a syntax error in the program";
        ContractResponse response = send(ContractRequest.upload("file", "bug report.pdf", "application/pdf",
                UploadDocuments.pdf(text)));

        assertJson(200, response);
        Map<String, Object> body = response.json();
        assertEquals("Informatique", body.get("category_name"));
        assertEquals("bug report.pdf", body.get("filename"));
        assertEquals(text.length(), number(body.get("extracted_chars")));
    }

    @Test
    void uploadClassifiesADocx() {
        String text = "astronomers observed the planet orbit with a telescope";
        ContractResponse response = send(ContractRequest.upload("file", "notes.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", UploadDocuments.docx(text)));

        assertJson(200, response);
        Map<String, Object> body = response.json();
        assertEquals("Science", body.get("category_name"));
        assertEquals("notes.docx", body.get("filename"));
        assertEquals(text.length(), number(body.get("extracted_chars")));
    }

    @Test
    void largePdfsAreAnswered() {
        String text = "the compiler reported a syntax error in the program";
        for (int size : DOCUMENT_SIZES) {
            byte[] pdf = UploadDocuments.pdf(text, size);
            assertTrue(pdf.length >= size && pdf.length < size + 16 * 1024, "PDF of " + pdf.length + " bytes");

            ContractResponse response = send(ContractRequest.upload("file", "scan.pdf", "application/pdf", pdf));

            assertJson(200, response);
            assertEquals("Informatique", response.json().get("category_name"), size + " bytes");
            assertEquals(text.length(), number(response.json().get("extracted_chars")), size + " bytes");
        }
    }

    @Test
    void largeDocxFilesAreAnswered() {
        String text = "astronomers observed the planet orbit with a telescope";
        for (int size : DOCUMENT_SIZES) {
            byte[] docx = UploadDocuments.docx(text, size);
            assertTrue(docx.length >= size && docx.length < size + 16 * 1024, "DOCX of " + docx.length + " bytes");

            ContractResponse response = send(ContractRequest.upload("file", "photos.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx));

            assertJson(200, response);
            assertEquals("Science", response.json().get("category_name"), size + " bytes");
            assertEquals(text.length(), number(response.json().get("extracted_chars")), size + " bytes");
        }
    }

    @Test
    void largeTextFilesAreAnsweredWithinTheCharacterLimit() {
        // Accented letters take two bytes in UTF-8: a megabyte of this is under a million characters.
        String sentence = "the team scored a goal in the final, the fans cheered: élan, été, fête, café, allé, déjà vu, señor, über ";
        for (int size : DOCUMENT_SIZES) {
            byte[] text = sentence.repeat(size / sentence.getBytes(UTF_8).length + 1).getBytes(UTF_8);
            String decoded = new String(text, UTF_8).strip();

            ContractResponse response = send(ContractRequest.upload("file", "chronicle.txt", "text/plain", text));

            if (decoded.length() <= MAX_UPLOAD_CHARACTERS) {
                assertJson(200, response);
                assertEquals("Sport", response.json().get("category_name"), size + " bytes");
                assertEquals(decoded.length(), number(response.json().get("extracted_chars")), size + " bytes");
            } else {
                assertError(413, "The document holds " + new String(text, UTF_8).length() + " characters of text; at most "
                        + MAX_UPLOAD_CHARACTERS + " are accepted.", response);
            }
        }
    }

    @Test
    void docsRedirectsToTheSwaggerUiOfTheGeneratedOpenApiDocument() {
        ContractResponse docs = send(ContractRequest.get("/docs"));
        assertEquals(303, docs.status());
        assertEquals("/swagger-ui/index.html", docs.header("location"));

        ContractResponse ui = send(ContractRequest.get("/swagger-ui/index.html"));
        assertEquals(200, ui.status());
        assertTrue(ui.text().contains("/swagger/pigeonhole-predict-1.yml"));

        ContractResponse spec = send(ContractRequest.get("/swagger/pigeonhole-predict-1.yml"));
        assertEquals(200, spec.status());
        for (String path : List.of("/health:", "/predict:", "/predict/batch:", "/upload:", "/model:")) {
            assertTrue(spec.text().contains(path), path);
        }
    }

    // --- bad input: every case its status and message -------------------------------------------

    @Test
    void predictWithoutTextFieldIs400() {
        assertError(400, "missing field \"text\": send {\"text\": \"the text to classify\"}",
                send(ContractRequest.postJson("/predict", "{\"txt\": \"the team won\"}")));
    }

    @Test
    void predictWithMalformedJsonIs400() {
        ContractResponse response = send(ContractRequest.postJson("/predict", "{\"text\": \"the team won"));

        assertJson(400, response);
        assertTrue(message(response).startsWith("malformed JSON body: "), message(response));
    }

    @Test
    void predictWithTextOfTheWrongShapeIs400() {
        assertError(400, "the JSON body does not have the expected shape: send {\"text\": \"the text to classify\"}",
                send(ContractRequest.postJson("/predict", "{\"text\": {\"nested\": true}}")));
    }

    @Test
    void batchWithTextsOfTheWrongShapeIs400() {
        assertError(400, "the JSON body does not have the expected shape: send {\"texts\": [\"a text\", \"another text\"]}",
                send(ContractRequest.postJson("/predict/batch", "{\"texts\": {\"a\": 1}}")));
    }

    @Test
    void predictWithoutBodyIs400() {
        assertError(400, "the request has no JSON body: send {\"text\": \"the text to classify\"}",
                send(ContractRequest.post("/predict", "application/json", new byte[0])));
    }

    @Test
    void predictWithEmptyTextIs400() {
        assertError(400, "\"text\" is empty or only whitespace: send the text to classify",
                send(ContractRequest.postJson("/predict", "{\"text\": \"\"}")));
    }

    @Test
    void predictWithWhitespaceOnlyTextIs400() {
        assertError(400, "\"text\" is empty or only whitespace: send the text to classify",
                send(ContractRequest.postJson("/predict", "{\"text\": \" \\t\\n \"}")));
    }

    @Test
    void predictWithDigitsAndPunctuationOnlyIs400() {
        assertError(400, "\"text\" has no letters, only digits, punctuation or symbols: send words to classify",
                send(ContractRequest.postJson("/predict", "{\"text\": \"12 345,67 - 89!\"}")));
    }

    @Test
    void predictWithPlainTextContentTypeIs415() {
        assertError(415, "content type 'text/plain' is not accepted on /predict; send application/json",
                send(ContractRequest.post("/predict", "text/plain", "the team won".getBytes(UTF_8))));
    }

    @Test
    void predictBodyOverTheLimitIs413() {
        String text = "word ".repeat((int) MAX_BODY_BYTES / 5 + 10);
        assertError(413, "the request body is larger than the limit of " + MAX_BODY_BYTES
                        + " bytes for JSON predictions: send shorter texts, fewer per batch, or upload the document to /upload",
                send(ContractRequest.postJson("/predict", "{\"text\": \"" + text + "\"}")));
    }

    @Test
    void predictBodyOverTheLimitSentWithoutContentLengthIs413() {
        String text = "word ".repeat((int) MAX_BODY_BYTES / 5 + 10);
        assertError(413, "the request body is larger than the limit of " + MAX_BODY_BYTES
                        + " bytes for JSON predictions: send shorter texts, fewer per batch, or upload the document to /upload",
                sendWithoutContentLength(ContractRequest.postJson("/predict", "{\"text\": \"" + text + "\"}")));
    }

    @Test
    void unknownRouteIs404WithTheEndpoints() {
        assertError(404, "no endpoint at GET /nowhere; the endpoints are GET /health, POST /predict, "
                        + "POST /predict/batch, POST /upload, GET /model, GET /docs",
                send(ContractRequest.get("/nowhere")));
    }

    @Test
    void wrongMethodIs405() {
        ContractResponse response = send(ContractRequest.get("/predict"));

        assertJson(405, response);
        assertEquals("method GET is not allowed on /predict; use POST", message(response));
    }

    @Test
    void batchWithoutTextsFieldIs400() {
        assertError(400, "missing field \"texts\": send {\"texts\": [\"a text\", \"another text\"]}",
                send(ContractRequest.postJson("/predict/batch", "{\"text\": \"the team won\"}")));
    }

    @Test
    void emptyBatchIs400() {
        assertError(400, "\"texts\" is empty: send between 1 and " + MAX_BATCH_TEXTS + " texts",
                send(ContractRequest.postJson("/predict/batch", "{\"texts\": []}")));
    }

    @Test
    void batchOverTheMaximumIs400() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i <= MAX_BATCH_TEXTS; i++) {
            texts.add("\"game\"");
        }
        assertError(400, "\"texts\" has " + (MAX_BATCH_TEXTS + 1) + " texts, more than the limit of " + MAX_BATCH_TEXTS
                        + ": split it into smaller batches",
                send(ContractRequest.postJson("/predict/batch", "{\"texts\": [" + String.join(",", texts) + "]}")));
    }

    @Test
    void batchWithADigitsOnlyTextNamesItsPosition() {
        assertError(400, "\"texts[1]\" has no letters, only digits, punctuation or symbols: send words to classify",
                send(ContractRequest.postJson("/predict/batch", "{\"texts\": [\"the team won\", \"42\"]}")));
    }

    @Test
    void uploadWithoutFilePartIs400() {
        assertError(400, "missing multipart field \"file\": send the document as multipart/form-data in a field named file",
                send(ContractRequest.upload("document", "match.txt", "text/plain", "the team won".getBytes(UTF_8))));
    }

    @Test
    void uploadAsJsonIs415() {
        assertError(415, "content type 'application/json' is not accepted on /upload; "
                        + "send multipart/form-data with the document in the field 'file'",
                send(ContractRequest.postJson("/upload", "{\"text\": \"the team won\"}")));
    }

    @Test
    void uploadOfABinaryFileIs415() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertError(415, "This is a binary file, not text; accepted formats are PDF, DOCX, TXT and MD.",
                send(ContractRequest.upload("file", "photo.png", "image/png", png)));
    }

    @Test
    void uploadOfADamagedPdfIs422() {
        byte[] broken = "%PDF-1.7\nthis is not a real PDF body".getBytes(UTF_8);
        assertError(422, "The PDF is damaged and its text cannot be read: save or export it again and re-upload.",
                send(ContractRequest.upload("file", "broken.pdf", "application/pdf", broken)));
    }

    @Test
    void uploadOfAnEmptyFileIs422() {
        assertError(422, "The file is empty: no text found.",
                send(ContractRequest.upload("file", "empty.txt", "text/plain", new byte[0])));
    }

    @Test
    void uploadWithTooMuchTextIs413() {
        String text = "the team won the game".repeat(MAX_UPLOAD_CHARACTERS / 20);
        assertError(413, "The document holds " + text.length() + " characters of text; at most "
                        + MAX_UPLOAD_CHARACTERS + " are accepted.",
                send(ContractRequest.upload("file", "long.txt", "text/plain", text.getBytes(UTF_8))));
    }

    @Test
    void uploadOverTheByteLimitIs413() {
        byte[] text = "a".repeat((int) MAX_UPLOAD_BYTES + 1024).getBytes(UTF_8);
        assertError(413, "the document is larger than the upload limit of " + MAX_UPLOAD_BYTES + " bytes: send a smaller file",
                send(ContractRequest.upload("file", "big.txt", "text/plain", text)));
    }

    @Test
    void uploadOverTheServerRequestLimitIs413() {
        byte[] text = "a".repeat((int) (2 * MAX_UPLOAD_BYTES) + 1024).getBytes(UTF_8);
        assertError(413, "the document is larger than the upload limit of " + MAX_UPLOAD_BYTES + " bytes: send a smaller file",
                send(ContractRequest.upload("file", "huge.txt", "text/plain", text)));
    }

    @Test
    void unexpectedFailureIs500WithoutItsDetails() {
        assertError(500, ApplicationErrorHandler.INTERNAL_ERROR_MESSAGE, send(ContractRequest.get("/test/failure")));
    }

    // --- helpers -----------------------------------------------------------------------------------

    Map<String, Object> predict(String text) {
        ContractResponse response = send(ContractRequest.postJson("/predict", "{\"text\": \"" + text + "\"}"));
        assertJson(200, response);
        return response.json();
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static List<Map<String, Object>> scores(Map<String, Object> prediction) {
        return list(prediction.get("confidence_scores"));
    }
}
