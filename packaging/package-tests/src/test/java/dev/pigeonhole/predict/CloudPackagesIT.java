package dev.pigeonhole.predict;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.LambdaRuntimeApi;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.PackagedFunction;
import dev.pigeonhole.contract.StagedFunctionJson;
import dev.pigeonhole.predict.azure.PredictHttpFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages {@code ./mvnw package} builds, each started in its own JVM on nothing but its own class path
 * and called as its platform calls it: the Lambda zip through the handler, the Azure app through its function.
 */
class CloudPackagesIT {

    static final Path LAMBDA_ZIP = Path.of("..", "predict-lambda", "target", "predict-function-lambda.zip");
    static final Path AZURE_APP = Path.of("..", "predict-azure", "target", "azure-functions", "pigeonhole-predict");

    @TempDir
    static Path work;

    private static Map<String, String> environment;
    private static String version;

    @BeforeAll
    static void publishModel() {
        Path store = work.resolve("store");
        version = ModelFixture.publish(store);
        environment = Map.of("PIGEONHOLE_STORE", "file:" + store, "PIGEONHOLE_CHANNEL", "production");
    }

    @Test
    void theLambdaPackageServesHealthPredictionsAndUploadsThroughTheHandler() {
        assertServes(PackagedFunction.lambda(LAMBDA_ZIP, work.resolve("lambda"), environment));
    }

    @Test
    void theLambdaPackageServesUnderLambdasRuntimeInterfaceClientWithTheHandlerInfraDeploys() {
        String handler = LambdaRuntimeApi.terraformHandler(Path.of("..", ".."), "predict");
        String pdfText = "the compiler reported a syntax error in the program";
        String docxText = "the team scored a goal and won the game";
        List<ContractResponse> responses = LambdaRuntimeApi.invoke(LAMBDA_ZIP, work.resolve("lambda-runtime"),
                LambdaRuntimeApi.runtimeJars(Path.of("target", "lambda-runtime")), handler, deployedEnvironment(environment), List.of(
                        ContractRequest.get("/health"),
                        ContractRequest.postJson("/predict", "{\"text\": \"the team scored a goal and won the game\"}"),
                        ContractRequest.upload("file", "bug.pdf", "application/pdf", UploadDocuments.pdf(pdfText)),
                        ContractRequest.postJson("/predict", "{\"text\": \"   \"}")));

        assertEquals(200, responses.get(0).status(), responses.get(0).text());
        assertEquals(version, responses.get(0).json().get("model_version"));
        assertEquals(200, responses.get(1).status(), responses.get(1).text());
        assertEquals("Sport", responses.get(1).json().get("category_name"));
        assertEquals(200, responses.get(2).status(), responses.get(2).text());
        assertEquals("Informatique", responses.get(2).json().get("category_name"));
        assertEquals(pdfText.length(), ((Number) responses.get(2).json().get("extracted_chars")).intValue());
        assertEquals(400, responses.get(3).status(), responses.get(3).text());
        assertEquals("error", responses.get(3).json().get("status"));
        assertTrue(String.valueOf(responses.get(3).json().get("message")).contains("empty or only whitespace"),
                responses.get(3).text());
    }

    @Test
    void theLambdaPackageLeavesOutTheLocalServerAndTheAzureAdapter() throws IOException {
        try (ZipFile zip = new ZipFile(LAMBDA_ZIP.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("lib/pigeonhole-predict-function.jar"), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("lib/micronaut-function-aws-api-proxy-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("lib/micronaut-http-server-netty-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("lib/micronaut-azure-")), names.toString());
        }
    }

    @Test
    void theAzureAppServesHealthPredictionsAndUploadsThroughItsFunction() {
        assertServes(PackagedFunction.azure(AZURE_APP, PredictHttpFunction.class.getName(), "predict", environment));
    }

    @Test
    void theAzureAppsFunctionJsonNamesTheTriggerMethodItsCatchAllRouteAndAnonymousAccess() throws IOException {
        assertEquals(List.of(), StagedFunctionJson.mismatches(AZURE_APP, PredictHttpFunction.class));
        assertTrue(Files.readString(AZURE_APP.resolve("predict/function.json"), UTF_8).contains("\"authLevel\": \"ANONYMOUS\""));
    }

    @Test
    void theAzureAppRoutesWithoutAPrefixSoPathsMatchTheLocalOnes() throws IOException {
        String hostJson = Files.readString(AZURE_APP.resolve("host.json"));
        assertTrue(hostJson.replaceAll("\\s", "").contains("\"http\":{\"routePrefix\":\"\"}"), hostJson);
    }

    private static void assertServes(PackagedFunction function) {
        String pdfText = "the compiler reported a syntax error in the program";
        String docxText = "the team scored a goal and won the game";
        List<ContractResponse> responses = function.send(List.of(
                ContractRequest.get("/health"),
                ContractRequest.postJson("/predict", "{\"text\": \"the team scored a goal and won the game\"}"),
                ContractRequest.upload("file", "bug.pdf", "application/pdf", UploadDocuments.pdf(pdfText)),
                ContractRequest.upload("file", "match.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        UploadDocuments.docx(docxText))));

        assertEquals(200, responses.get(0).status(), responses.get(0).text());
        assertEquals(version, responses.get(0).json().get("model_version"));
        assertEquals(200, responses.get(1).status(), responses.get(1).text());
        assertEquals("Sport", responses.get(1).json().get("category_name"));
        assertEquals(200, responses.get(2).status(), responses.get(2).text());
        assertEquals("Informatique", responses.get(2).json().get("category_name"));
        assertEquals(pdfText.length(), ((Number) responses.get(2).json().get("extracted_chars")).intValue());
        assertEquals(200, responses.get(3).status(), responses.get(3).text());
        assertEquals("Sport", responses.get(3).json().get("category_name"));
        assertEquals(docxText.length(), ((Number) responses.get(3).json().get("extracted_chars")).intValue());
    }

    /** {@code environment} plus what infra/aws sets on every function besides the store and the channel. */
    private static Map<String, String> deployedEnvironment(Map<String, String> environment) {
        Map<String, String> deployed = new java.util.HashMap<>(environment);
        deployed.put("CRAC_ENABLED", "true");
        deployed.put("PIGEONHOLE_FORWARDED_FOR_HOPS", "1");
        return deployed;
    }
}
