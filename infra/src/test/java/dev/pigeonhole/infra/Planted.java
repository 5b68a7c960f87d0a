package dev.pigeonhole.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of infra/ and .github/ as they were before the first-deployment review (src/test/resources/planted/, same
 * relative paths): each offline check is shown to fail on them, so it is known to catch that class of mistake.
 */
final class Planted {

    private Planted() {
    }

    static Path path(String relative) {
        return RepositoryFiles.path("infra/src/test/resources/planted/" + relative);
    }

    static String read(String relative) {
        return RepositoryFiles.read(path(relative));
    }

    /** infra/aws parsed with its planted files in place of the current ones. */
    static TerraformModel terraform() {
        return new TerraformModel(TerraformConfiguration.parsedWith(
                RepositoryFiles.find("infra/src/test/resources/planted/infra/aws", "*.tf")));
    }

    /** The raw text of every .tf file of infra/aws, the planted ones in place of the current ones, by file name. */
    static Map<String, String> terraformTexts() {
        Map<String, String> texts = currentTerraformTexts();
        for (Path file : RepositoryFiles.find("infra/src/test/resources/planted/infra/aws", "*.tf")) {
            texts.put(file.getFileName().toString(), RepositoryFiles.read(file));
        }
        return texts;
    }

    static Map<String, String> currentTerraformTexts() {
        Map<String, String> texts = new TreeMap<>();
        List<Path> files = TerraformConfiguration.files();
        files.forEach(file -> texts.put(file.getFileName().toString(), RepositoryFiles.read(file)));
        return texts;
    }
}
