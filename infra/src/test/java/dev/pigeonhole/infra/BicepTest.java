package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of infra/azure without the Bicep compiler (CI's infrastructure job runs az bicep build): every
 * module exists, gets only parameters it declares and every one it requires, and main.bicepparam sets only
 * parameters main.bicep declares and every one without a default.
 */
class BicepTest {

    private static final Pattern MODULE = Pattern.compile("module (\\w+) '([^']+)' = \\{");
    private static final Pattern PARAM = Pattern.compile("(?m)^param (\\w+) [^\\n=]*?( = .*)?$");

    @Test
    void everyModuleGetsExactlyTheParametersItDeclaresAndAllItRequires() {
        int modules = 0;
        for (Path file : RepositoryFiles.find("infra/azure", "**.bicep")) {
            String text = RepositoryFiles.read(file);
            Matcher module = MODULE.matcher(text);
            while (module.find()) {
                modules++;
                Path target = file.getParent().resolve(module.group(2)).normalize();
                String where = file.getFileName() + " module " + module.group(1);
                assertTrue(Files.isRegularFile(target), where + ": no file " + target);
                Map<String, Boolean> declared = parameters(RepositoryFiles.read(target));
                Set<String> passed = topLevelKeys(block(text, text.indexOf("params: {", module.end())));

                Set<String> unknown = new TreeSet<>(passed);
                unknown.removeAll(declared.keySet());
                assertEquals(Set.of(), unknown, where + " passes parameters " + target.getFileName() + " lacks");
                Set<String> missing = new TreeSet<>();
                declared.forEach((name, required) -> {
                    if (required && !passed.contains(name)) {
                        missing.add(name);
                    }
                });
                assertEquals(Set.of(), missing, where + " leaves required parameters unset");
            }
        }
        assertEquals(10, modules, "modules found");
    }

    @Test
    void theParameterFileSetsOnlyDeclaredParametersAndEveryRequiredOne() {
        String parameterFile = RepositoryFiles.read("infra/azure/main.bicepparam");
        assertTrue(parameterFile.contains("using './main.bicep'"));
        Set<String> set = new TreeSet<>();
        Matcher param = Pattern.compile("(?m)^param (\\w+) = ").matcher(parameterFile);
        while (param.find()) {
            set.add(param.group(1));
        }
        Map<String, Boolean> declared = parameters(RepositoryFiles.read("infra/azure/main.bicep"));

        Set<String> unknown = new TreeSet<>(set);
        unknown.removeAll(declared.keySet());
        assertEquals(Set.of(), unknown);
        declared.forEach((name, required) -> assertTrue(!required || set.contains(name), name + " is required"));
    }

    @Test
    void resourcesUseTheApiVersionsTheIssueNames() {
        String text = RepositoryFiles.read("infra/azure/modules/function-app.bicep");
        assertTrue(text.contains("'Microsoft.Web/sites/slots@2024-04-01'"));
        assertTrue(text.contains("'Microsoft.Web/sites/config@2024-04-01'") && text.contains("name: 'slotConfigNames'"));
        assertTrue(text.contains("linuxFxVersion: 'Java|21'"));
        assertTrue(RepositoryFiles.read("infra/azure/modules/functions.bicep").contains("tier: 'ElasticPremium'"));
    }

    /** Parameter name to whether it is required (has no default). */
    private static Map<String, Boolean> parameters(String bicep) {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(bicep);
        while (param.find()) {
            parameters.put(param.group(1), param.group(2) == null);
        }
        return parameters;
    }

    /** The text between the brace at or after {@code from} and its matching closing brace. */
    private static String block(String text, int from) {
        int open = text.indexOf('{', from);
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return text.substring(open + 1, i);
                }
            }
        }
        throw new AssertionError("unbalanced braces after offset " + from);
    }

    private static Set<String> topLevelKeys(String block) {
        Set<String> keys = new TreeSet<>();
        int depth = 0;
        for (String line : block.split("\n")) {
            if (depth == 0) {
                Matcher key = Pattern.compile("^\\s*(\\w+):").matcher(line);
                if (key.find()) {
                    keys.add(key.group(1));
                }
            }
            for (char c : line.replaceAll("'[^']*'", "").toCharArray()) {
                if (c == '{' || c == '[' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ']' || c == ')') {
                    depth--;
                }
            }
        }
        return keys;
    }
}
