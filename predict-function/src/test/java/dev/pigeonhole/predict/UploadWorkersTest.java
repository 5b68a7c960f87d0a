package dev.pigeonhole.predict;

import static dev.pigeonhole.contract.ErrorAnswers.assertError;
import static dev.pigeonhole.contract.ErrorAnswers.assertJson;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are read on their own bounded pool within a deadline: a document over it is answered 422 and its reading
 * stops, a full queue is answered 503, and the server keeps answering everything else meanwhile.
 */
class UploadWorkersTest {

    /** Hundreds of millions of operators: seconds of reading on any machine, a few kilobytes on the wire. */
    private static final byte[] SLOW_PDF = UploadDocuments.slowPdf(200, 1_000_000);
    private static final Duration DEADLINE = Duration.ofMillis(500);
    /** Generous: each answer takes milliseconds once the server is not blocked. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(2);

    @TempDir
    static Path store;

    private static ExecutorService clients;

    @BeforeAll
    static void publishModel() {
        ModelFixture.publish(store);
        clients = Executors.newFixedThreadPool(12);
    }

    @AfterAll
    static void stopClients() {
        clients.shutdownNow();
    }

    private static EmbeddedServer start(int threads, int queue) {
        Map<String, Object> properties = new HashMap<>(PredictContractTest.contractProperties(store));
        properties.put("pigeonhole.upload.parse-timeout", DEADLINE.toMillis() + "ms");
        properties.put("pigeonhole.upload.parse-threads", Integer.toString(threads));
        properties.put("pigeonhole.upload.parse-queue", Integer.toString(queue));
        properties.put("pigeonhole.predict.rate-per-second", "0");
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static ContractRequest slowUpload() {
        return ContractRequest.upload("file", "slow.pdf", "application/pdf", SLOW_PDF);
    }

    private static ContractRequest quickUpload() {
        return ContractRequest.upload("file", "match.txt", "text/plain", "the team scored a goal in the final".getBytes(UTF_8));
    }

    @Test
    void aDocumentOverTheDeadlineIs422AndItsReadingStops() {
        try (EmbeddedServer server = start(1, 4)) {
            NettyTransport http = new NettyTransport(server);

            assertError(422, "Reading the document took longer than the limit of 500 ms: send a smaller or simpler "
                    + "document, or its text.", http.send(slowUpload()));

            // One reader only: it is free again at once, not after the seconds the slow PDF would take.
            ContractResponse next = timed("the upload after a stopped one", () -> http.send(quickUpload()));
            assertJson(200, next);
            assertEquals("Sport", next.json().get("category_name"));
        }
    }

    @Test
    void uploadsBeyondTheQueueAre503() {
        try (EmbeddedServer server = start(1, 1)) {
            NettyTransport http = new NettyTransport(server);

            List<ContractResponse> answers = all(List.of(() -> http.send(slowUpload()), () -> http.send(slowUpload()),
                    () -> http.send(slowUpload()), () -> http.send(slowUpload())));

            assertTrue(answers.stream().anyMatch(a -> a.status() == 503), statuses(answers));
            answers.stream().filter(a -> a.status() == 503).forEach(a -> assertError(503,
                    "too many documents are being read at once: retry in a few seconds", a));
            assertTrue(answers.stream().allMatch(a -> a.status() == 503 || a.status() == 422), statuses(answers));
        }
    }

    @Test
    void healthAndPredictionsAreAnsweredWhileUploadsAreBusy() {
        try (EmbeddedServer server = start(2, 16)) {
            NettyTransport http = new NettyTransport(server);
            List<CompletableFuture<ContractResponse>> uploads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uploads.add(CompletableFuture.supplyAsync(() -> http.send(slowUpload()), clients));
            }
            sleep(200);

            for (int i = 0; i < 3; i++) {
                assertJson(200, timed("health", () -> http.send(ContractRequest.get("/health"))));
                assertJson(200, timed("a prediction", () -> http.send(
                        ContractRequest.postJson("/predict", "{\"text\": \"the team won the game\"}"))));
            }
            assertTrue(uploads.stream().anyMatch(upload -> !upload.isDone()), "the uploads were still busy");
            uploads.forEach(upload -> assertEquals(422, upload.join().status()));
        }
    }

    private static ContractResponse timed(String what, Supplier<ContractResponse> request) {
        long start = System.nanoTime();
        ContractResponse response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(ANSWER_BOUND) < 0, what + " took " + took.toMillis() + " ms");
        return response;
    }

    private static List<ContractResponse> all(List<Supplier<ContractResponse>> requests) {
        List<CompletableFuture<ContractResponse>> sent = requests.stream()
                .map(request -> CompletableFuture.supplyAsync(request, clients)).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private static String statuses(List<ContractResponse> answers) {
        return answers.stream().map(a -> Integer.toString(a.status())).toList().toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
