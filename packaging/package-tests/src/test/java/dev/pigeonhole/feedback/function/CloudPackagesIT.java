package dev.pigeonhole.feedback.function;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.LambdaRuntimeApi;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.PackagedFunction;
import dev.pigeonhole.contract.StagedFunctionJson;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.function.azure.FeedbackHttpFunction;
import dev.pigeonhole.store.LocalArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages {@code ./mvnw package} builds, each started in its own JVM on nothing but its own class path
 * and called as its platform calls it: the Lambda zip through the handler, the Azure app through its function.
 */
class CloudPackagesIT {

    static final Path LAMBDA_ZIP = Path.of("..", "feedback-lambda", "target", "feedback-function-lambda.zip");
    static final Path AZURE_APP = Path.of("..", "feedback-azure", "target", "azure-functions", "pigeonhole-feedback");

    @TempDir
    Path work;

    @Test
    void theLambdaPackageRecordsFeedbackThroughTheHandler() {
        Path store = work.resolve("store");
        String version = ModelFixture.publish(store);

        assertRecords(PackagedFunction.lambda(LAMBDA_ZIP, work.resolve("lambda"), environment(store)), store, version);
    }

    @Test
    void theLambdaPackageRecordsFeedbackUnderLambdasRuntimeInterfaceClientWithTheHandlerInfraDeploys() {
        Path store = work.resolve("store");
        String version = ModelFixture.publish(store);
        String handler = LambdaRuntimeApi.terraformHandler(Path.of("..", ".."), "feedback");

        List<ContractResponse> responses = LambdaRuntimeApi.invoke(LAMBDA_ZIP, work.resolve("lambda-runtime"),
                LambdaRuntimeApi.runtimeJars(Path.of("target", "lambda-runtime")), handler, deployedEnvironment(environment(store)), List.of(
                        ContractRequest.get("/health"),
                        ContractRequest.postJson("/feedback", "{\"text\": \"the probe reached orbit\", "
                                + "\"predicted_label\": \"Informatique\", \"true_label\": \"Science\"}")
                                .withHeader("X-API-Key", FeedbackContractTest.API_KEY),
                        ContractRequest.postJson("/feedback", "{\"text\": \"no key\", "
                                + "\"predicted_label\": \"Informatique\", \"true_label\": \"Science\"}")));

        assertEquals(200, responses.get(0).status(), responses.get(0).text());
        assertEquals(version, responses.get(0).json().get("model_version"));
        assertEquals(202, responses.get(1).status(), responses.get(1).text());
        assertEquals(true, responses.get(1).json().get("bad_prediction"));
        assertEquals(401, responses.get(2).status(), responses.get(2).text());
        assertEquals("error", responses.get(2).json().get("status"));
        assertEquals(List.of("the probe reached orbit"),
                new FeedbackReader(new LocalArtifactStore(store)).records().stream().map(r -> r.text()).toList());
    }

    @Test
    void theLambdaPackageLeavesOutTheLocalServerAndTheAzureAdapter() throws IOException {
        try (ZipFile zip = new ZipFile(LAMBDA_ZIP.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("lib/pigeonhole-feedback-function.jar"), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("lib/micronaut-function-aws-api-proxy-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("lib/micronaut-http-server-netty-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("lib/micronaut-azure-")), names.toString());
        }
    }

    @Test
    void theAzureAppRecordsFeedbackThroughItsFunction() {
        Path store = work.resolve("store");
        String version = ModelFixture.publish(store);

        assertRecords(PackagedFunction.azure(AZURE_APP, FeedbackHttpFunction.class.getName(), "feedback",
                environment(store)), store, version);
    }

    @Test
    void theAzureAppsFunctionJsonNamesTheTriggerMethodItsCatchAllRouteAndAFunctionKey() throws IOException {
        assertEquals(List.of(), StagedFunctionJson.mismatches(AZURE_APP, FeedbackHttpFunction.class));
        assertTrue(Files.readString(AZURE_APP.resolve("feedback/function.json"), UTF_8).contains("\"authLevel\": \"FUNCTION\""));
        String hostJson = Files.readString(AZURE_APP.resolve("host.json"));
        assertTrue(hostJson.replaceAll("\\s", "").contains("\"http\":{\"routePrefix\":\"\"}"), hostJson);
    }

    @Test
    void theAzureAppCarriesTheAgentConfigurationAtItsRootWhereTheAppSettingPointsTheAgent() throws IOException {
        assertArrayEquals(Files.readAllBytes(Path.of("..", "..", "feedback-function", "src", "main", "applicationinsights", "applicationinsights.json")),
                Files.readAllBytes(AZURE_APP.resolve("applicationinsights.json")));
    }

    private static Map<String, String> environment(Path store) {
        return Map.of("PIGEONHOLE_STORE", "file:" + store, "PIGEONHOLE_CHANNEL", "production",
                "PIGEONHOLE_API_KEYS", FeedbackContractTest.apiKeysEntry());
    }

    private static void assertRecords(PackagedFunction function, Path store, String version) {
        List<ContractResponse> responses = function.send(List.of(
                ContractRequest.get("/health"),
                ContractRequest.postJson("/feedback", "{\"text\": \"the probe reached orbit\", "
                        + "\"predicted_label\": \"Informatique\", \"true_label\": \"Science\"}")
                        .withHeader("X-API-Key", FeedbackContractTest.API_KEY)));

        assertEquals(200, responses.get(0).status(), responses.get(0).text());
        assertEquals(version, responses.get(0).json().get("model_version"));
        assertEquals(202, responses.get(1).status(), responses.get(1).text());
        assertEquals(true, responses.get(1).json().get("bad_prediction"));
        assertEquals(List.of("the probe reached orbit"),
                new FeedbackReader(new LocalArtifactStore(store)).records().stream().map(r -> r.text()).toList());
    }

    /** {@code environment} plus what infra/aws sets on every function besides the store and the channel. */
    private static Map<String, String> deployedEnvironment(Map<String, String> environment) {
        Map<String, String> deployed = new java.util.HashMap<>(environment);
        deployed.put("CRAC_ENABLED", "true");
        deployed.put("PIGEONHOLE_FORWARDED_FOR_HOPS", "1");
        return deployed;
    }
}
