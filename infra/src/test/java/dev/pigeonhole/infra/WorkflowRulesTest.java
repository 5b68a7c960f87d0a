package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of WorkflowRules holds for .github/workflows and fails on the workflows it replaced (Planted). */
class WorkflowRulesTest {

    private static final Map<String, Map<String, Object>> CURRENT = WorkflowRules.current();
    private static final Map<String, Map<String, Object>> PLANTED = WorkflowRules.planted();

    @Test
    void oidcJobsUseTheTrustedEnvironment() {
        assertEquals(List.of(), WorkflowRules.oidcJobsUseTheTrustedEnvironment(CURRENT));
        List<String> problems = WorkflowRules.oidcJobsUseTheTrustedEnvironment(PLANTED);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("retrain-image.yml job image"), problems.toString());
    }

    @Test
    void workflowRunJobsRunOnlyForPushesFromThisRepository() {
        assertEquals(List.of(), WorkflowRules.workflowRunJobsRunOnlyForPushesFromThisRepository(CURRENT));
        assertEquals(4, WorkflowRules.workflowRunJobsRunOnlyForPushesFromThisRepository(PLANTED).size());
    }

    @Test
    void runStepsTakeValuesThroughEnv() {
        assertEquals(List.of(), WorkflowRules.runStepsTakeValuesThroughEnv(CURRENT));
        List<String> problems = WorkflowRules.runStepsTakeValuesThroughEnv(PLANTED);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("deploy.yml job aws step 'Smoke test staging'")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("retrain-image.yml")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("ci.yml")), problems.toString());
    }

    @Test
    void everyProductionChangeIsRolledBack() {
        assertEquals(List.of(), WorkflowRules.everyProductionChangeIsRolledBack(CURRENT));
        List<String> problems = WorkflowRules.everyProductionChangeIsRolledBack(PLANTED);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("deploy.yml job azure step 'Swap staging into production' changes "
                + "production 2 times"), problems.toString());
    }

    @Test
    void stagingSmokeTestsSendAFeedbackAndReadItsRecordBack() {
        assertEquals(List.of(), WorkflowRules.stagingSmokeTestsSendAFeedback(CURRENT));
        assertEquals(4, WorkflowRules.stagingSmokeTestsSendAFeedback(PLANTED).size());
    }

    @Test
    void theRetrainImageIsPushedUnderItsCommitOnlyAndDeployedByDigest() {
        assertEquals("ghcr.io/o/r/retrain-job:abc123", imageNames(RepositoryFiles.path(".github/scripts/image-names.sh")));
        assertTrue(imageNames(Planted.path(".github/scripts/image-names.sh")).contains(":latest"));

        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.root(), List.of("bash", ".github/scripts/image-digests.sh",
                "sha256:" + "ab".repeat(32), "ghcr.io/O/R/retrain-job", ""), Map.of("GITHUB_OUTPUT", ""), 30);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("ghcr=ghcr.io/o/r/retrain-job@sha256:" + "ab".repeat(32) + "\necr=\n", run.output());

        String deploy = RepositoryFiles.read(".github/workflows/deploy.yml");
        assertTrue(deploy.contains("uses: ./.github/workflows/retrain-image.yml"));
        assertTrue(deploy.contains("RETRAIN_IMAGE: ${{ needs.image.outputs.ghcr }}"));
        assertTrue(deploy.contains("RETRAIN_IMAGE: ${{ needs.image.outputs.ecr }}"));
        assertFalse(String.valueOf(CURRENT.get("retrain-image.yml").get("on")).contains("push"),
                "the image reaches the jobs through the deploy, not on its own push");
    }

    private static String imageNames(Path script) {
        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.root(), List.of("bash", script.toString(),
                "ghcr.io/O/R/retrain-job"), Map.of("GITHUB_SHA", "abc123", "GITHUB_OUTPUT", ""), 30);
        assertEquals(0, run.exitCode(), run.output());
        return run.output().strip();
    }
}
