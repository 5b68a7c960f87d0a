package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** infra/aws parses as HCL2 and holds what the issue asks of it. */
class TerraformTest {

    @Test
    void everyTerraformFileParses() {
        Set<String> files = TerraformConfiguration.files().stream().map(Path::getFileName).map(Path::toString)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of("alerts.tf", "api.tf", "authorizer.tf", "functions.tf", "main.tf", "outputs.tf", "retrain.tf",
                "secrets.tf", "storage.tf", "variables.tf", "versions.tf"), files);
        assertEquals(files, new TreeSet<>(TerraformConfiguration.parsed().keySet()));
    }

    @Test
    void providersArePinnedToExactVersions() {
        Map<String, Object> terraform = first(file("versions.tf").get("terraform"));
        Map<String, Object> providers = first(terraform.get("required_providers"));

        assertEquals(Set.of("aws", "archive"), providers.keySet());
        providers.forEach((name, value) -> {
            String version = String.valueOf(((Map<?, ?>) value).get("version"));
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), name + " is not pinned to one version: " + version);
        });
    }

    @Test
    void theStoreBucketIsVersionedEncryptedAndNotPublic() {
        Map<String, Object> block = resource("aws_s3_bucket_public_access_block", "store");
        for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
                "restrict_public_buckets")) {
            assertEquals(Boolean.TRUE, block.get(setting), setting);
        }
        Map<String, Object> versioning = first(resource("aws_s3_bucket_versioning", "store").get("versioning_configuration"));
        assertEquals("Enabled", versioning.get("status"));
        Map<String, Object> rule = first(resource("aws_s3_bucket_server_side_encryption_configuration", "store").get("rule"));
        assertFalse(((List<?>) rule.get("apply_server_side_encryption_by_default")).isEmpty());
        assertEquals(Boolean.TRUE, resource("aws_s3_bucket_notification", "store").get("eventbridge"),
                "the retrain rule needs the bucket's events on EventBridge");
    }

    @Test
    void functionsRunJava21WithSnapStartOnPublishedVersionsBehindStagingAndProductionAliases() {
        Map<String, Object> function = resource("aws_lambda_function", "function");
        assertEquals("java21", function.get("runtime"));
        assertEquals("PublishedVersions", first(function.get("snap_start")).get("apply_on"));
        assertEquals(Boolean.TRUE, function.get("publish"));
        String channels = String.valueOf(TerraformConfiguration.local("channels"));
        assertTrue(channels.contains("\"staging\"") && channels.contains("\"production\""), channels);
        assertEquals("${each.value.channel}", resource("aws_lambda_alias", "function").get("name"));
    }

    @Test
    void everyLogGroupHasARetention() {
        Map<String, Object> groups = resources("aws_cloudwatch_log_group");
        assertEquals(Set.of("api", "authorizer", "function", "retrain"), groups.keySet());
        groups.forEach((name, block) -> assertTrue(first(block).containsKey("retention_in_days"), name));
    }

    @Test
    void theRetrainTaskStartsOnRetrainRequestsButNotOnTheirDoneMarkers() {
        String pattern = String.valueOf(resource("aws_cloudwatch_event_rule", "retrain_request").get("event_pattern"));
        assertTrue(pattern.contains("Object Created") && pattern.contains("local.request_prefixes"), pattern);
        String prefixes = String.valueOf(TerraformConfiguration.local("request_prefixes"));
        assertTrue(prefixes.contains("retrain-requests/${digit}") && prefixes.contains("range(10)"), prefixes);

        Map<String, Object> task = resource("aws_ecs_task_definition", "retrain");
        assertEquals(List.of("FARGATE"), task.get("requires_compatibilities"));
        assertTrue(String.valueOf(task.get("container_definitions")).contains("command   = [\"retrain\"]"),
                "the task runs the job's retrain command");
    }

    @Test
    void terraformFmtFindsNothingToChangeWhereTerraformIsInstalled() {
        Optional<Path> terraform = ExternalTool.onPath("terraform");
        Assumptions.assumeTrue(terraform.isPresent(), "terraform is not on the PATH; CI's infrastructure job runs fmt");
        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.path("infra/aws"),
                List.of(terraform.get().toString(), "fmt", "-check", "-recursive", "-diff"), 60);
        assertEquals(0, run.exitCode(), run.output());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> file(String name) {
        return (Map<String, Object>) TerraformConfiguration.parsed().get(name);
    }

    /** Every resource of {@code type} across the files, by name. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resources(String type) {
        Map<String, Object> found = new java.util.TreeMap<>();
        for (Object file : TerraformConfiguration.parsed().values()) {
            Object byType = ((Map<String, Object>) file).get("resource");
            if (byType instanceof Map<?, ?> types && types.get(type) instanceof Map<?, ?> named) {
                ((Map<String, Object>) named).forEach(found::put);
            }
        }
        return found;
    }

    static Map<String, Object> resource(String type, String name) {
        Object block = resources(type).get(name);
        if (block == null) {
            throw new AssertionError("no resource " + type + "." + name + " in infra/aws");
        }
        return first(block);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Object blocks) {
        return (Map<String, Object>) ((List<?>) blocks).get(0);
    }
}
