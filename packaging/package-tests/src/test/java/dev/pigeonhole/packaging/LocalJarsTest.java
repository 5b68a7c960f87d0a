package dev.pigeonhole.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each function's local jar holds the function and Micronaut, and names in its manifest the one jar of the other
 * libraries beside it. Micronaut indexes every entry of each jar that carries its metadata when it starts, so the
 * libraries' jar must carry none: that split is worth about 0.3 s of every cold start (BENCHMARKS.md, section 3).
 */
class LocalJarsTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void thePredictJarNamesItsLibrariesJarWhichCarriesNoMicronautMetadata() throws IOException {
        assertSplit("predict-function");
    }

    @Test
    void theFeedbackJarNamesItsLibrariesJarWhichCarriesNoMicronautMetadata() throws IOException {
        assertSplit("feedback-function");
    }

    private static void assertSplit(String module) throws IOException {
        Path jar = PackageContentsTest.built(module + "/target/pigeonhole-" + module + "-" + VERSION + ".jar");
        Path libraries = jar.resolveSibling("pigeonhole-" + module + "-" + VERSION + "-libs.jar");
        try (JarFile local = new JarFile(jar.toFile()); JarFile libs = new JarFile(libraries.toFile())) {
            assertEquals(libraries.getFileName().toString(), local.getManifest().getMainAttributes().getValue("Class-Path"));

            List<String> misplaced = libs.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("META-INF/micronaut/") || name.startsWith("io/micronaut/")
                            || name.startsWith("dev/pigeonhole/"))
                    .limit(5).toList();
            assertEquals(List.of(), misplaced, "the libraries' jar holds Micronaut's or the function's own entries");

            Set<String> localClasses = local.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .collect(Collectors.toSet());
            List<String> twice = libs.stream().map(e -> e.getName()).filter(localClasses::contains).limit(5).toList();
            assertEquals(List.of(), twice, "classes in both jars");
            assertTrue(localClasses.stream().anyMatch(n -> n.startsWith("dev/pigeonhole/")));
            assertTrue(local.stream().anyMatch(e -> e.getName().startsWith("META-INF/micronaut/")));
        }
    }
}
