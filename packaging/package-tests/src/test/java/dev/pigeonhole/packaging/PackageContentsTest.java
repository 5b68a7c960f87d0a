package dev.pigeonhole.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Each cloud package carries only what its platform runs: no Smile (only the retrain job trains), no Azure SDK in a
 * Lambda zip, no AWS SDK in an Azure app, no local Netty server in either, no POI OOXML or XMLBeans classes (a DOCX
 * read into their trees took a gigabyte of heap; it is read as a stream); and stays within its size budget, a little
 * above its size when the budget was set (BENCHMARKS.md, section 5), so that growth is a decision, not an accident.
 */
class PackageContentsTest {

    static final long MB = 1_000_000;

    private static final List<String> NEVER = List.of("smile/", "io/micronaut/http/server/netty/",
            "org/apache/poi/xwpf/", "org/apache/poi/openxml4j/", "org/apache/xmlbeans/");

    /** A package, where ./mvnw package builds it (from the repository root), its budget and the classes it must not hold. */
    record CloudPackage(String path, long budget, List<String> forbidden) {
    }

    static final List<CloudPackage> PACKAGES = List.of(
            lambda("packaging/predict-lambda/target/predict-function-lambda.zip", 31 * MB),
            lambda("packaging/feedback-lambda/target/feedback-function-lambda.zip", 19 * MB),
            azure("packaging/predict-azure/target/azure-functions/pigeonhole-predict", 30 * MB),
            azure("packaging/feedback-azure/target/azure-functions/pigeonhole-feedback", 17 * MB));

    private static CloudPackage lambda(String path, long budget) {
        return new CloudPackage(path, budget, Stream.concat(NEVER.stream(), Stream.of("com/azure/")).toList());
    }

    private static CloudPackage azure(String path, long budget) {
        return new CloudPackage(path, budget, Stream.concat(NEVER.stream(), Stream.of("software/amazon/")).toList());
    }

    @Test
    void everyPackageCarriesOnlyItsOwnCloudAndStaysWithinItsBudget() {
        assertEquals(List.of(), problems(PACKAGES));
    }

    @Test
    void aForbiddenClassOrAPackageOverItsBudgetIsReported() {
        CloudPackage predict = PACKAGES.get(0);
        CloudPackage azure = PACKAGES.get(2);
        // The Micronaut runtime is in every package: forbidding it, and a 1 MB budget, must both be reported.
        List<String> problems = problems(List.of(
                new CloudPackage(predict.path(), MB, List.of("io/micronaut/")),
                new CloudPackage(azure.path(), MB, List.of("io/micronaut/"))));

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("io/micronaut/"), problems.get(0));
        assertTrue(problems.get(1).contains("over its budget"), problems.get(1));
    }

    static List<String> problems(List<CloudPackage> packages) {
        List<String> problems = new ArrayList<>();
        for (CloudPackage cloudPackage : packages) {
            Path path = built(cloudPackage.path());
            List<String> classes = Files.isDirectory(path) ? classesInFolder(path) : classesInZip(path);
            for (String prefix : cloudPackage.forbidden()) {
                List<String> found = classes.stream().filter(name -> name.startsWith(prefix)).toList();
                if (!found.isEmpty()) {
                    problems.add(cloudPackage.path() + " holds " + found.size() + " classes under " + prefix
                            + ", e.g. " + found.get(0));
                }
            }
            long size = Files.isDirectory(path) ? folderSize(path) : fileSize(path);
            if (size > cloudPackage.budget()) {
                problems.add(cloudPackage.path() + " is " + size + " bytes, over its budget of " + cloudPackage.budget());
            }
        }
        return problems;
    }

    /** The file at {@code relative}; missing, the check is skipped (failed on CI, which always builds them first). */
    static Path built(String relative) {
        Path path = Path.of(System.getProperty("pigeonhole.repository", "../..")).resolve(relative);
        if (!Files.exists(path)) {
            String message = relative + " is not built (./mvnw -B package builds it before this module's tests)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /** The class files of every jar in a Lambda zip (all under lib/). */
    private static List<String> classesInZip(Path zip) {
        List<String> classes = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    classes.addAll(classesInJar(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    /** The class files of every jar in an Azure app folder (the function's at the top, the rest in lib/). */
    private static List<String> classesInFolder(Path folder) {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    classes.addAll(classesInJar(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static List<String> classesInJar(InputStream jar) throws IOException {
        List<String> classes = new ArrayList<>();
        ZipInputStream in = new ZipInputStream(jar);
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            if (entry.getName().endsWith(".class")) {
                classes.add(entry.getName());
            }
        }
        return classes;
    }

    private static long folderSize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(PackageContentsTest::fileSize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
