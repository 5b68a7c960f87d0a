package dev.pigeonhole.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.access.ApiKeys;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.RetrainRequest;
import dev.pigeonhole.feedback.RetrainRequestReconciler;
import dev.pigeonhole.feedback.RetrainRequests;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.AzuriteServer;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.S3ProxyServer;
import dev.pigeonhole.store.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * A burst of corrections against the feedback function's jar, on each store: no answer is a 5xx, every accepted
 * feedback is stored exactly once, and once the retrain job's reconciliation has run, exactly ⌊N/k⌋ retrain requests
 * exist. 2,000 feedbacks from 64 senders by default; {@code bench/feedback-fleet.sh} runs it at 10,000 from 200
 * ({@code -Dpigeonhole.fleet.feedbacks}, {@code -Dpigeonhole.fleet.senders}, {@code -Dpigeonhole.fleet.per-request}
 * for batches). Latencies and throughput are printed, not asserted: they are measured by the benchmark, on a quiet
 * machine, and reported in BENCHMARKS.md.
 */
class FeedbackFleetIT {

    private static final int FEEDBACKS = Integer.getInteger("pigeonhole.fleet.feedbacks", 2_000);
    private static final int SENDERS = Integer.getInteger("pigeonhole.fleet.senders", 64);
    private static final int PER_REQUEST = Integer.getInteger("pigeonhole.fleet.per-request", 1);
    private static final int K = 100;

    @TempDir
    Path dir;

    @Test
    void aBurstOnTheLocalStore() throws Exception {
        Path root = dir.resolve("store");
        burst("local store", new LocalArtifactStore(root), Map.of("PIGEONHOLE_STORE", "file:" + root));
    }

    @Test
    void aBurstOnAzurite() throws Exception {
        AzuriteServer server = AzuriteServer.shared();
        ArtifactStore store = server.newStore();
        burst("Azurite", store, Map.of("PIGEONHOLE_STORE", store.describe(),
                "AZURE_STORAGE_CONNECTION_STRING", server.connectionString()));
    }

    /**
     * s3proxy's If-Match is not atomic (racing replaces all succeed): that can only lose increments of the functions'
     * counter, never add one, so requests never run ahead of the records and the reconciliation makes up the rest.
     */
    @Test
    void aBurstOnS3proxy() throws Exception {
        S3ProxyServer server = S3ProxyServer.shared();
        ArtifactStore store = server.newStore();
        S3Settings settings = server.settings();
        AwsCredentials credentials = settings.credentials().resolveCredentials();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PIGEONHOLE_STORE", store.describe());
        environment.put("AWS_ENDPOINT_URL_S3", settings.endpoint().orElseThrow().toString());
        environment.put("AWS_REGION", settings.region().id());
        environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        burst("s3proxy", store, environment);
    }

    private void burst(String what, ArtifactStore store, Map<String, String> storeEnvironment) throws Exception {
        String version = publishFixtureModel(store);
        String key = "fleet-" + UUID.randomUUID();
        Map<String, String> environment = new LinkedHashMap<>(storeEnvironment);
        environment.put("PIGEONHOLE_CHANNEL", "production");
        environment.put("PIGEONHOLE_API_KEYS", "fleet:" + ApiKeys.sha256Hex(key));
        environment.put("PIGEONHOLE_RETRAIN_EVERY", Integer.toString(K));
        environment.put("PIGEONHOLE_FEEDBACK_RATE_PER_SECOND", "0"); // one client sends everything: measure the store
        int port = LocalLoopIT.freePort();
        environment.put("FEEDBACK_PORT", Integer.toString(port));
        String run = UUID.randomUUID().toString().substring(0, 8);
        FleetLoad.Result result;
        // pigeonhole.fleet.jar: another build of the function (the benchmark measures the one before this design too).
        Path jar = System.getProperty("pigeonhole.fleet.jar") == null ? LocalLoopIT.jar("feedback-function")
                : Path.of(System.getProperty("pigeonhole.fleet.jar"));
        try (JarProcess feedback = JarProcess.start(jar, List.of(), environment, dir)) {
            URI base = URI.create("http://127.0.0.1:" + port);
            LocalLoopIT.awaitHealthy(feedback, base, version);
            result = FleetLoad.run(base, key, run, FEEDBACKS, SENDERS, PER_REQUEST);
            System.out.println(result.summary(what + ", " + SENDERS + " senders"
                    + (PER_REQUEST > 1 ? ", " + PER_REQUEST + " per batch" : "")));
            assertEquals(0, result.serverErrors(), what + ": " + result.summary(what) + "\n" + feedback.output());
        }

        List<FeedbackRecord> records = new FeedbackReader(store).records();
        Set<String> stored = records.stream().map(FeedbackRecord::feedbackId).collect(Collectors.toSet());
        Set<String> accepted = new HashSet<>(result.acceptedIds());
        assertEquals(FEEDBACKS, result.acceptedIds().size(), what + ": every feedback accepted");
        assertEquals(FEEDBACKS, accepted.size(), what + ": each with its own feedback id");
        assertEquals(accepted, stored, what + ": every accepted feedback stored, nothing else");
        assertEquals(FEEDBACKS, records.stream().map(FeedbackRecord::predictionId).distinct().count(),
                what + ": once per prediction id");
        List<Long> before = counts(store);
        assertTrue(before.stream().allMatch(count -> count <= FEEDBACKS), what + ": no request ahead of the records");

        RetrainRequestReconciler.Reconciled reconciled =
                new RetrainRequestReconciler(store, new RetrainRequests(store), K).reconcile();

        System.out.println(what + ": the functions' counter created " + before.size() + " request(s), the job "
                + reconciled.created().size());
        assertEquals(LongStream.rangeClosed(1, FEEDBACKS / K).map(i -> i * K).boxed().toList(), counts(store),
                what + ": exactly ⌊N/k⌋ retrain requests");
    }

    private static List<Long> counts(ArtifactStore store) {
        return new RetrainRequests(store).all().stream().map(RetrainRequest::feedbackCount).toList();
    }

    /** Publishes the contract tests' small model into {@code store}: its version. */
    private String publishFixtureModel(ArtifactStore store) {
        Path local = dir.resolve("fixture-" + UUID.randomUUID());
        String version = ModelFixture.publish(local);
        LocalArtifactStore fixture = new LocalArtifactStore(local);
        for (String key : fixture.list("")) {
            store.put(key, fixture.get(key).orElseThrow().data());
        }
        return version;
    }
}
