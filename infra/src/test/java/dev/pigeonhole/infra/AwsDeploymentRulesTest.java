package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of AwsRules holds for infra/aws and fails on the files it replaced (Planted). */
class AwsDeploymentRulesTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static TerraformModel current;
    private static TerraformModel planted;

    @BeforeAll
    static void parse() {
        current = TerraformModel.current();
        planted = Planted.terraform();
    }

    @Test
    void storeReadersMayListTheBucketSoTheStoreOpensAndMissingKeysAre404() {
        assertEquals(List.of(), AwsRules.storeReadersMayListTheBucket(current));
        List<String> problems = AwsRules.storeReadersMayListTheBucket(planted);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("aws_iam_policy_document.function ")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("aws_iam_policy_document.retrain_task ")), problems.toString());
        assertTrue(problems.get(0).contains("has a condition"), problems.toString());
    }

    @Test
    void snapStartFunctionsEnableCrac() {
        assertEquals(List.of(), AwsRules.snapStartFunctionsEnableCrac(current));
        assertFalse(AwsRules.snapStartFunctionsEnableCrac(planted).isEmpty());
    }

    @Test
    void functionsGetTheRequiredEnvironment() {
        assertEquals(List.of(), AwsRules.functionsGetTheRequiredEnvironment(current));
        assertEquals(List.of("local.common_environment sets no CRAC_ENABLED"),
                AwsRules.functionsGetTheRequiredEnvironment(planted));
    }

    @Test
    void runtimesAreSupported() {
        assertEquals(List.of(), AwsRules.runtimesAreSupported(current, TODAY));
        List<String> problems = AwsRules.runtimesAreSupported(planted, TODAY);
        assertTrue(problems.stream().anyMatch(p -> p.contains("java17")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("nodejs20.x")), problems.toString());
        // The list's dates are enforced: java21 too is refused once its support has ended.
        assertTrue(AwsRules.runtimesAreSupported(current, LocalDate.of(2029, 7, 1)).stream()
                .anyMatch(p -> p.contains("java21 reached its end of support")));
    }

    @Test
    void packagesAreUploadedThroughS3() {
        assertEquals(List.of(), AwsRules.packagesAreUploadedThroughS3(current));
        assertEquals(2, AwsRules.packagesAreUploadedThroughS3(planted).size());
    }

    @Test
    void namesFitTheirLimitsForTheLongestPrefixAndSuffixAllowed() {
        assertEquals(16, AwsRules.longestMatch(current, "name_prefix"));
        assertEquals(12, AwsRules.longestMatch(current, "name_suffix"));
        assertEquals(List.of(), AwsRules.namesFitTheirLimits(current));
        List<String> problems = AwsRules.namesFitTheirLimits(planted);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("aws_s3_bucket.store.bucket_prefix"), problems.toString());
    }

    @Test
    void commentsTellWhatTheStateHolds() {
        assertEquals(List.of(), AwsRules.commentsTellWhatTheStateHolds(current, Planted.currentTerraformTexts()));
        assertEquals(1, AwsRules.commentsTellWhatTheStateHolds(planted, Planted.terraformTexts()).size());
        assertTrue(RepositoryFiles.read("infra/aws/secrets.tf").contains("ARE in the Terraform state"));
    }

    @Test
    void theRetrainImageIsPinnedByDigest() {
        assertEquals(List.of(), AwsRules.retrainImageIsPinnedByDigest(current));
        assertEquals(3, AwsRules.retrainImageIsPinnedByDigest(planted).size());
    }

    @Test
    void theRetrainTaskMayWriteItsLease() {
        @SuppressWarnings("unchecked")
        String resources = String.valueOf(TerraformModel.nested(current.blocks("data", "aws_iam_policy_document")
                .get("retrain_task"), "statement").stream()
                .filter(statement -> String.valueOf(statement.get("sid")).equals("WriteStore")).findFirst().orElseThrow()
                .get("resources"));
        assertTrue(resources.contains("/locks/*"), resources);
    }

    @Test
    void plantedFilesStillParseAsTheyWere() {
        Map<String, Map<String, Object>> functions = planted.resources("aws_lambda_function");
        assertEquals("java17", functions.get("function").get("runtime"));
    }
}
