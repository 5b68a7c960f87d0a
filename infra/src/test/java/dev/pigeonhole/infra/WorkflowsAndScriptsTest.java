package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows parse and pass yamllint; their shell steps, CI's entry point, the launcher and the benchmark
 * scripts pass shellcheck; and they hold no secrets.
 */
class WorkflowsAndScriptsTest {

    private static final Pattern USES = Pattern.compile("uses:\\s*([^@\\s]+)@(\\S+)(.*)");
    private static final Pattern SCRIPT = Pattern.compile("\\.github/scripts/([\\w.-]+\\.sh)");

    @Test
    void theThreeWorkflowsExist() {
        Set<String> names = new TreeSet<>();
        workflows().forEach(file -> names.add(file.getFileName().toString()));
        assertEquals(Set.of("ci.yml", "deploy.yml", "retrain-image.yml"), names);
    }

    @Test
    void workflowsPassYamllint() {
        Path yamllint = ExternalTool.require("yamllint", "apt-get install yamllint");
        List<String> command = new ArrayList<>(List.of(yamllint.toString(), "--strict", "-f", "parsable", "-c",
                RepositoryFiles.path(".yamllint.yml").toString()));
        workflows().forEach(file -> command.add(file.toString()));
        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.root(), command, 120);
        assertEquals(0, run.exitCode(), "yamllint:\n" + run.output());
    }

    @Test
    void shellStepsPassShellcheck() {
        Path shellcheck = ExternalTool.require("shellcheck", "apt-get install shellcheck");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--external-sources", "--format=gcc"));
        scripts().forEach(file -> command.add(file.toString()));
        command.add(RepositoryFiles.path(".ci/run").toString());
        command.add(RepositoryFiles.path("pigeonhole").toString());
        RepositoryFiles.find("bench", "*.sh").forEach(file -> command.add(file.toString()));
        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.root(), command, 120);
        assertEquals(0, run.exitCode(), "shellcheck:\n" + run.output());
    }

    @Test
    void everyScriptAWorkflowRunsExistsAndIsExecutable() {
        Set<String> used = new TreeSet<>();
        for (Path workflow : workflows()) {
            Matcher matcher = SCRIPT.matcher(RepositoryFiles.read(workflow));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertFalse(used.isEmpty());
        for (String script : used) {
            Path file = RepositoryFiles.path(".github/scripts/" + script);
            assertTrue(Files.isExecutable(file), script + " is run by a workflow but missing or not executable");
        }
    }

    @Test
    void actionsArePinnedToFullCommitShasWithTheirVersion() {
        int actions = 0;
        for (Path workflow : workflows()) {
            for (String line : RepositoryFiles.read(workflow).split("\n")) {
                Matcher uses = USES.matcher(line.strip().replaceFirst("^- ", ""));
                if (uses.matches()) {
                    actions++;
                    assertTrue(uses.group(2).matches("[0-9a-f]{40}"), workflow.getFileName() + ": " + line.strip());
                    assertTrue(uses.group(3).matches("\\s+#\\s*v\\d+(\\.\\d+)*"),
                            workflow.getFileName() + " names no version beside the commit: " + line.strip());
                }
            }
        }
        assertTrue(actions > 10, "found only " + actions + " actions");
    }

    @Test
    void cloudsAreReachedWithOidcFederationNotStoredKeys() {
        for (Path workflow : workflows()) {
            String text = RepositoryFiles.read(workflow);
            for (String longLived : List.of("aws-access-key-id", "aws-secret-access-key", "client-secret", "creds:",
                    "AZURE_CREDENTIALS")) {
                assertFalse(text.contains(longLived), workflow.getFileName() + " uses " + longLived);
            }
            // The one secret: the smoke client's API key, for the staging smoke test's feedback (no cloud access).
            assertFalse(text.replace("secrets.SMOKE_API_KEY", "").contains("secrets."),
                    workflow.getFileName() + " uses a secret other than SMOKE_API_KEY");
        }
        String deploy = RepositoryFiles.read(".github/workflows/deploy.yml");
        assertTrue(deploy.contains("id-token: write"));
        assertTrue(deploy.contains("azure/login@") && deploy.contains("aws-actions/configure-aws-credentials@"));
    }

    private static List<Path> workflows() {
        return RepositoryFiles.find(".github/workflows", "*.yml");
    }

    private static List<Path> scripts() {
        return RepositoryFiles.find(".github/scripts", "*.sh");
    }
}
