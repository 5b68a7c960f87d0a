package dev.pigeonhole.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.AzuriteServer;
import dev.pigeonhole.store.S3ProxyServer;
import dev.pigeonhole.store.S3Settings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Train, serve and correct with the real jars on each cloud store, as in the cloud but against local servers:
 * the retrain job publishes into s3proxy or Azurite, a predict function started on that store serves the version,
 * and a feedback function writes a correction there.
 */
class CloudStoreLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aModelTrainedIntoS3IsServedFromItAndFeedbackLandsThere() throws Exception {
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

        trainServeAndCorrect(environment, store);
    }

    @Test
    void aModelTrainedIntoAzureBlobIsServedFromItAndFeedbackLandsThere() throws Exception {
        AzuriteServer server = AzuriteServer.shared();
        ArtifactStore store = server.newStore();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PIGEONHOLE_STORE", store.describe());
        environment.put("AZURE_STORAGE_CONNECTION_STRING", server.connectionString());

        trainServeAndCorrect(environment, store);
    }

    private void trainServeAndCorrect(Map<String, String> cloud, ArtifactStore store) throws Exception {
        Path sample = dir.resolve("sample.jsonl.gz");
        List<JsonNode> unseen = LocalLoopIT.writeSampleAndPickCorrections(sample);
        Map<String, String> environment = new LinkedHashMap<>(cloud);
        environment.put("PIGEONHOLE_CHANNEL", "production");
        String[] key = LocalLoopIT.createApiKey("cloud-loop");
        environment.put("PIGEONHOLE_API_KEYS", key[1]);

        String version = train(environment, sample);

        int predictPort = LocalLoopIT.freePort();
        environment.put("PREDICT_PORT", String.valueOf(predictPort));
        try (JarProcess predict = JarProcess.start(LocalLoopIT.jar("predict-function"), List.of(), environment, dir)) {
            URI base = URI.create("http://127.0.0.1:" + predictPort);
            LocalLoopIT.awaitHealthy(predict, base, version);
            HttpResponse<String> prediction = LocalLoopIT.post(base.resolve("/predict"),
                    JSON.writeValueAsString(Map.of("text", unseen.get(0).get("text").asText())));
            assertEquals(200, prediction.statusCode(), prediction.body());
            assertEquals(version, JSON.readTree(prediction.body()).get("model_version").asText());
        }

        int feedbackPort = LocalLoopIT.freePort();
        environment.put("FEEDBACK_PORT", String.valueOf(feedbackPort));
        try (JarProcess feedback = JarProcess.start(LocalLoopIT.jar("feedback-function"), List.of(), environment, dir)) {
            URI base = URI.create("http://127.0.0.1:" + feedbackPort);
            LocalLoopIT.awaitHealthy(feedback, base, version);
            String label = unseen.get(0).get("category").asText();
            HttpResponse<String> answer = LocalLoopIT.post(base.resolve("/feedback"), JSON.writeValueAsString(
                    Map.of("text", unseen.get(0).get("text").asText(), "predicted_label", label, "true_label", label)), key[0]);
            assertEquals(202, answer.statusCode(), answer.body());
        }
        assertEquals(List.of(unseen.get(0).get("text").asText()),
                new FeedbackReader(store).records().stream().map(r -> r.text()).toList());
    }

    private String train(Map<String, String> environment, Path sample) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("train", "--data", sample.toString(), "--max-iterations", "50",
                "--lambda", "0.01"));
        try (JarProcess job = JarProcess.start(LocalLoopIT.jar("retrain-job"), arguments, environment, dir)) {
            int code = job.awaitExit(Duration.ofSeconds(90));
            assertEquals(0, code, job.name() + " failed:\n" + job.output());
            String version = job.output().lines().filter(line -> line.matches("v[0-9]{8}-[0-9]{6}-[0-9]{3}"))
                    .reduce((earlier, later) -> later).orElse("");
            assertTrue(job.output().contains("publishing to " + environment.get("PIGEONHOLE_STORE")), job.output());
            return version;
        }
    }
}
