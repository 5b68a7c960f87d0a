package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of AzureRules holds for infra/azure and fails on the files it replaced (Planted). */
class AzureDeploymentRulesTest {

    private static final Map<String, BicepFile> CURRENT = AzureRules.current();
    private static final Map<String, BicepFile> PLANTED = AzureRules.planted();

    @Test
    void secretsCrossOnlySecureParameters() {
        assertEquals(List.of(), AzureRules.secretsCrossOnlySecureParameters(CURRENT));
        assertEquals(List.of("modules/functions.bicep module predict passes a secret in 'settings', which "
                        + "modules/function-app.bicep does not declare @secure()",
                "modules/functions.bicep module feedback passes a secret in 'settings', which "
                        + "modules/function-app.bicep does not declare @secure()"),
                AzureRules.secretsCrossOnlySecureParameters(PLANTED));
    }

    @Test
    void theParsedSecureParametersAreTheDeclaredOnes() {
        Map<String, Boolean> main = CURRENT.get("main.bicep").parameters();
        assertEquals(Boolean.TRUE, main.get("registryPassword"));
        assertEquals(Boolean.TRUE, main.get("apiKeys"));
        assertEquals(Boolean.FALSE, main.get("planSku"));
        assertEquals(Boolean.TRUE, CURRENT.get("modules/retrain-job.bicep").parameters().get("workspaceSharedKey"));
    }

    @Test
    void slotSettingsAreTheRightOnes() {
        assertEquals(List.of(), AzureRules.slotSettingsAreTheRightOnes(CURRENT));
        assertEquals(List.of("WEBSITE_CONTENTSHARE is a slot setting: a swap then leaves production on the old package"),
                AzureRules.slotSettingsAreTheRightOnes(PLANTED));
    }

    @Test
    void appsGetTheRequiredSettings() {
        assertEquals(List.of(), AzureRules.appsGetTheRequiredSettings(CURRENT));
        assertEquals(List.of("hostSettings sets no APPLICATIONINSIGHTS_ENABLE_AGENT: 'true'",
                "hostSettings sets no PIGEONHOLE_FORWARDED_FOR_HOPS: '1'"), AzureRules.appsGetTheRequiredSettings(PLANTED));
    }

    @Test
    void runtimesAreSupported() {
        assertEquals(List.of(), AzureRules.runtimesAreSupported(CURRENT, LocalDate.now()));
        List<String> problems = AzureRules.runtimesAreSupported(PLANTED, LocalDate.now());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Java|17"), problems.toString());
    }

    @Test
    void keyVaultsCanBeRedeployed() {
        assertEquals(List.of(), AzureRules.keyVaultsCanBeRedeployed(CURRENT));
        assertEquals(1, AzureRules.keyVaultsCanBeRedeployed(PLANTED).size());
    }

    @Test
    void settingTheApiKeysSecretRestartsTheApp() {
        assertEquals(List.of(), AzureRules.secretChangesRestartTheApp(RepositoryFiles.read("README.md")));
        assertFalse(AzureRules.secretChangesRestartTheApp(Planted.read("README.md")).isEmpty());
    }

    @Test
    void theRetrainImageIsPinnedByDigest() {
        assertEquals(List.of(), AzureRules.retrainImageIsPinnedByDigest(RepositoryFiles.read("infra/azure/main.bicepparam")));
        assertEquals(1, AzureRules.retrainImageIsPinnedByDigest(
                "param retrainImage = 'ghcr.io/example-org/pigeonhole/retrain-job:latest'\n").size());
    }
}
