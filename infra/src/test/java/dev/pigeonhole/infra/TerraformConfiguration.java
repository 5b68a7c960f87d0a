package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * infra/aws/*.tf as parsed by @cdktf/hcl2json (infra/tools, installed by npm ci from its lock file on first use):
 * one JSON document per file, blocks as lists of objects, expressions as "${...}" strings.
 */
final class TerraformConfiguration {

    private static Map<String, Object> parsed;

    private TerraformConfiguration() {
    }

    static List<Path> files() {
        return RepositoryFiles.find("infra/aws", "*.tf");
    }

    /** Every file parsed, by file name; fails the test with the parser's message when one does not parse. */
    static synchronized Map<String, Object> parsed() {
        if (parsed == null) {
            parsed = parse(files());
        }
        return parsed;
    }

    /**
     * infra/aws with some files replaced by others of the same name (a check's planted mistakes), parsed afresh.
     */
    static Map<String, Object> parsedWith(List<Path> replacements) {
        List<Path> files = new ArrayList<>();
        for (Path file : files()) {
            files.add(replacements.stream().filter(r -> r.getFileName().equals(file.getFileName())).findFirst()
                    .orElse(file));
        }
        return parse(files);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(List<Path> files) {
        Path tools = RepositoryFiles.path("infra/tools");
        Path node = ExternalTool.require("node", "install Node.js 18 or newer");
        installParser(tools);
        List<String> command = new ArrayList<>(List.of(node.toString(), "hcl2json.mjs"));
        files.forEach(file -> command.add(file.toString()));
        ExternalTool.Run run = ExternalTool.run(tools, command, 120);
        assertEquals(0, run.exitCode(), "Terraform does not parse: " + run.output());
        try {
            return ObjectMapper.getDefault().readValue(run.output(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code local.<name>} wherever a locals block of the configuration defines it. */
    static Object local(String name) {
        return local(parsed(), name);
    }

    /** As {@link #local(String)}, in {@code configuration}. */
    @SuppressWarnings("unchecked")
    static Object local(Map<String, Object> configuration, String name) {
        for (Object file : configuration.values()) {
            Object locals = ((Map<String, Object>) file).get("locals");
            if (locals instanceof List<?> blocks) {
                for (Object block : blocks) {
                    Map<String, Object> values = (Map<String, Object>) block;
                    if (values.containsKey(name)) {
                        return values.get(name);
                    }
                }
            }
        }
        throw new AssertionError("no local." + name + " in infra/aws");
    }

    private static void installParser(Path tools) {
        if (Files.isDirectory(tools.resolve("node_modules/@cdktf/hcl2json"))) {
            return;
        }
        Path npm = ExternalTool.require("npm", "install npm with Node.js");
        ExternalTool.Run run = ExternalTool.run(tools, List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), 600);
        assertEquals(0, run.exitCode(), "npm ci in " + tools + " failed: " + run.output());
    }
}
