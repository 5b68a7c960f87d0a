package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Lambda packages ./mvnw package built stay within Lambda's limits and the project's own budget, so that growth is
 * noticed here: 250 MB unzipped with the function's layers (Lambda's limit for a package from S3); and budgets a little
 * above today's sizes (BENCHMARKS.md, section 5). They are uploaded through S3 (AwsRules.packagesAreUploadedThroughS3),
 * so the 50 MB limit of a direct upload no longer applies.
 */
class PackageSizeTest {

    static final long MB = 1_000_000;
    static final long LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024;

    /** A package, its zip budget, and the layers it runs with (their unzipped size counts against Lambda's limit). */
    record Budget(String zip, long zipBudget, List<String> layers) {
    }

    static final List<Budget> BUDGETS = List.of(
            new Budget("packaging/predict-lambda/target/predict-function-lambda.zip", 40 * MB, List.of()),
            new Budget("packaging/feedback-lambda/target/feedback-function-lambda.zip", 19 * MB,
                    List.of("infra/target/lambda-layer/applicationinsights-agent.jar")));

    @Test
    void theLambdaPackagesStayWithinLambdasLimitsAndTheirBudgets() {
        assertEquals(List.of(), problems(BUDGETS));
    }

    @Test
    void aPackageOverItsBudgetIsReported() {
        List<Budget> tight = BUDGETS.stream().map(b -> new Budget(b.zip(), 10 * MB, b.layers())).toList();
        List<String> problems = problems(tight);
        assertEquals(2, problems.size(), problems.toString());
        // Ten copies of the predict zip as layers unzip to more than Lambda's 250 MB.
        List<String> layers = java.util.Collections.nCopies(10, BUDGETS.get(0).zip());
        assertFalse(problems(List.of(new Budget(BUDGETS.get(0).zip(), 52 * MB, layers))).isEmpty(),
                "layers count against the unzipped limit");
    }

    static List<String> problems(List<Budget> budgets) {
        List<String> problems = new ArrayList<>();
        for (Budget budget : budgets) {
            Path zip = built(budget.zip());
            long zipped = size(zip);
            long unzipped = unzippedSize(zip);
            for (String layer : budget.layers()) {
                Path file = RepositoryFiles.path(layer);
                // The agent layer is one jar at the root of its zip: unzipped, it is the jar.
                unzipped += Files.isRegularFile(file) && layer.endsWith(".zip") ? unzippedSize(file) : size(built(layer));
            }
            if (zipped > budget.zipBudget()) {
                problems.add(budget.zip() + " is " + zipped + " bytes, over its budget of " + budget.zipBudget());
            }
            if (unzipped > LAMBDA_UNZIPPED_LIMIT) {
                problems.add(budget.zip() + " unzips, with its layers, to " + unzipped + " bytes, over Lambda's "
                        + LAMBDA_UNZIPPED_LIMIT);
            }
        }
        return problems;
    }

    /** A file the build makes; missing, the check is skipped (failed on CI, which always builds them first). */
    private static Path built(String relative) {
        Path file = RepositoryFiles.path(relative);
        if (!Files.isRegularFile(file)) {
            String message = relative + " is not built (./mvnw -B package builds it before this module's tests)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return file;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long unzippedSize(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().mapToLong(ZipEntry::getSize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
