package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Application Insights agent configuration the feedback function ships (sampling off: every Bad prediction trace
 * is sent) is the one its agent reads on both clouds: the Lambda layer carries it beside the agent and the function
 * points the agent at it; the Azure feedback app has the worker attach the agent and points it at the file in the
 * app package (the package itself is checked by the feedback function's CloudPackagesIT). The predict function runs
 * without the agent. BadPredictionTracesIT proves what the configuration does with the real agent.
 */
class AgentConfigurationTest {

    static final String CONFIGURATION = "feedback-function/src/main/applicationinsights/applicationinsights.json";

    @Test
    @SuppressWarnings("unchecked")
    void theShippedConfigurationTurnsSamplingOff() throws IOException {
        Map<String, Object> configuration =
                ObjectMapper.getDefault().readValue(RepositoryFiles.read(CONFIGURATION), Map.class);
        Map<String, Object> sampling = (Map<String, Object>) configuration.get("sampling");

        assertEquals(Set.of("percentage"), sampling.keySet(), "sampling of " + CONFIGURATION);
        assertEquals(100.0, ((Number) sampling.get("percentage")).doubleValue(), "sampling of " + CONFIGURATION);
    }

    @Test
    void theLambdaLayerHoldsTheAgentAndTheShippedConfigurationAtTheRoot() throws IOException {
        Path layer = RepositoryFiles.path("infra/target/lambda-layer");
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listed = Files.list(layer)) {
            listed.forEach(file -> files.add(file.getFileName().toString()));
        }

        assertEquals(Set.of("applicationinsights-agent.jar", "applicationinsights.json"), files);
        assertArrayEquals(Files.readAllBytes(RepositoryFiles.path(CONFIGURATION)),
                Files.readAllBytes(layer.resolve("applicationinsights.json")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLayerIsThatDirectoryAndTheFeedbackFunctionPointsTheAgentAtTheConfigurationInIt() {
        Map<String, Object> archive = data("archive_file", "applicationinsights_agent");
        assertEquals("${var.applicationinsights_layer_dir}", archive.get("source_dir"));
        Map<String, Object> variable = TerraformTest.first(((Map<String, Object>) ((Map<String, Object>)
                file("variables.tf")).get("variable")).get("applicationinsights_layer_dir"));
        assertEquals(RepositoryFiles.path("infra/target/lambda-layer"),
                RepositoryFiles.path("infra/aws").resolve(String.valueOf(variable.get("default"))).normalize());

        String environment = String.valueOf(TerraformConfiguration.local("telemetry_environment"));
        assertTrue(Pattern.compile("JAVA_TOOL_OPTIONS\\s+=\\s+\"-javaagent:/opt/applicationinsights-agent.jar\"")
                .matcher(environment).find(), environment);
        assertTrue(Pattern.compile("APPLICATIONINSIGHTS_CONFIGURATION_FILE\\s+=\\s+\"/opt/applicationinsights.json\"")
                .matcher(environment).find(), environment);
        String layers = String.valueOf(TerraformTest.resource("aws_lambda_function", "function").get("layers"));
        assertTrue(layers.contains("each.key == \"feedback\""), "only the feedback function gets the layer: " + layers);
    }

    @Test
    void theAzureFeedbackAppAttachesTheAgentWithTheShippedConfigurationAndThePredictAppDoesNot() {
        String functions = RepositoryFiles.read("infra/azure/modules/functions.bicep");
        String predict = module(functions, "predict");
        String feedback = module(functions, "feedback");

        assertTrue(feedback.contains("APPLICATIONINSIGHTS_ENABLE_AGENT: 'true'"), feedback);
        assertTrue(feedback.contains("APPLICATIONINSIGHTS_CONFIGURATION_FILE: '/home/site/wwwroot/applicationinsights.json'"),
                "the app package's root, where packaging/azure-functions.xml puts the file: " + feedback);
        assertTrue(predict.contains("APPLICATIONINSIGHTS_ENABLE_AGENT: 'false'"), predict);
        assertTrue(RepositoryFiles.read("packaging/azure-functions.xml")
                .contains("<directory>${project.basedir}/../../${function.module}/src/main/applicationinsights</directory>"));
        assertTrue(RepositoryFiles.read("packaging/feedback-azure/pom.xml")
                .contains("<function.module>feedback-function</function.module>"));
    }

    @Test
    void theLauncherGivesTheAgentTheShippedConfiguration() {
        String launcher = RepositoryFiles.read("pigeonhole");

        assertTrue(launcher.contains("APPLICATIONINSIGHTS_CONFIGURATION=\"$ROOT/" + CONFIGURATION + "\""));
        assertTrue(launcher.contains("\"-Dapplicationinsights.configuration.file=$APPLICATIONINSIGHTS_CONFIGURATION\""));
    }

    /** The text of {@code module <name> 'function-app.bicep' = { ... }}, up to the next module or the outputs. */
    private static String module(String bicep, String name) {
        int start = bicep.indexOf("module " + name + " 'function-app.bicep'");
        assertTrue(start >= 0, "no module " + name + " in functions.bicep");
        int end = List.of(bicep.indexOf("\nmodule ", start + 1), bicep.indexOf("\noutput ", start + 1)).stream()
                .filter(index -> index > 0).min(Integer::compare).orElse(bicep.length());
        return bicep.substring(start, end);
    }

    @SuppressWarnings("unchecked")
    private static Object file(String name) {
        return TerraformConfiguration.parsed().get(name);
    }

    /** The data source {@code type.name}, in whichever file defines it. */
    private static Map<String, Object> data(String type, String name) {
        for (Object file : TerraformConfiguration.parsed().values()) {
            if (((Map<?, ?>) file).get("data") instanceof Map<?, ?> types
                    && types.get(type) instanceof Map<?, ?> named && named.get(name) != null) {
                return TerraformTest.first(named.get(name));
            }
        }
        throw new AssertionError("no data source " + type + "." + name + " in infra/aws");
    }
}
