package dev.pigeonhole.infra;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes in infra/azure that compile but break a first deployment, found in the Bicep text. Files are keyed by their
 * path under infra/azure ("modules/functions.bicep"); every method answers the problems it finds.
 */
final class AzureRules {

    /**
     * Settings that must never stay with their slot. WEBSITE_CONTENTSHARE: Microsoft's app settings reference; a
     * sticky share keeps production on the old package after a swap. The share's connection string goes with it.
     */
    static final Set<String> NEVER_STICKY = Set.of("WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING");

    /** Settings both Function Apps need, with their values, set in functions.bicep's hostSettings. */
    static final Map<String, String> REQUIRED_HOST_SETTINGS = orderedMap(
            "FUNCTIONS_EXTENSION_VERSION", "'~4'",
            "FUNCTIONS_WORKER_RUNTIME", "'java'",
            // Without it the host does not attach the Java agent, and applicationinsights-core sends nothing.
            "APPLICATIONINSIGHTS_ENABLE_AGENT", "'true'",
            // The Functions front end appends the caller to X-Forwarded-For; without it no prediction is rate-limited.
            "PIGEONHOLE_FORWARDED_FOR_HOPS", "'1'");

    private static final Pattern SECRET_SOURCE = Pattern.compile("listKeys\\(|listSecrets\\(|\\.listKeys\\(\\)");

    private AzureRules() {
    }

    static Map<String, BicepFile> current() {
        Map<String, BicepFile> files = new LinkedHashMap<>();
        Path dir = RepositoryFiles.path("infra/azure");
        for (Path file : RepositoryFiles.find("infra/azure", "**.bicep")) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            files.put(name, new BicepFile(name, RepositoryFiles.read(file)));
        }
        return files;
    }

    /** The current files with the planted ones in their place. */
    static Map<String, BicepFile> planted() {
        Map<String, BicepFile> files = current();
        Path dir = Planted.path("infra/azure");
        for (Path file : RepositoryFiles.find("infra/src/test/resources/planted/infra/azure", "**.bicep")) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            files.put(name, new BicepFile(name, RepositoryFiles.read(file)));
        }
        return files;
    }

    /**
     * A value derived from a key (listKeys) or from a secure parameter reaches a module only through a secure parameter:
     * any other parameter is readable in the deployment history by anyone with Reader on the group.
     */
    static List<String> secretsCrossOnlySecureParameters(Map<String, BicepFile> files) {
        List<String> problems = new ArrayList<>();
        files.forEach((name, file) -> {
            Set<String> tainted = new LinkedHashSet<>();
            file.parameters().forEach((param, secure) -> {
                if (secure) {
                    tainted.add(param);
                }
            });
            Map<String, String> variables = file.variables();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Map.Entry<String, String> variable : variables.entrySet()) {
                    if (!tainted.contains(variable.getKey()) && carriesSecret(variable.getValue(), tainted)) {
                        tainted.add(variable.getKey());
                        grew = true;
                    }
                }
            }
            file.modules().forEach((module, call) -> {
                String target = Path.of(name).resolveSibling(call.path()).normalize().toString().replace('\\', '/');
                BicepFile targetFile = files.get(target);
                if (targetFile == null) {
                    return;
                }
                Map<String, Boolean> declared = targetFile.parameters();
                call.parameters().forEach((param, expression) -> {
                    if (carriesSecret(expression, tainted) && !Boolean.TRUE.equals(declared.get(param))) {
                        problems.add(name + " module " + module + " passes a secret in '" + param + "', which "
                                + target + " does not declare @secure()");
                    }
                });
            });
        });
        return problems;
    }

    private static boolean carriesSecret(String expression, Set<String> tainted) {
        if (SECRET_SOURCE.matcher(expression).find()) {
            return true;
        }
        for (String name : tainted) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b").matcher(expression).find()) {
                return true;
            }
        }
        return false;
    }

    /** Settings that must travel with the package on a swap are not slot settings; the channel is one in each app. */
    static List<String> slotSettingsAreTheRightOnes(Map<String, BicepFile> files) {
        List<String> problems = new ArrayList<>();
        Set<String> sticky = new LinkedHashSet<>();
        String app = files.get("modules/function-app.bicep").text();
        int config = app.indexOf("name: 'slotConfigNames'");
        sticky.addAll(quoted(app.substring(config, app.indexOf("\n}", config))));
        Map<String, BicepFile.Module> modules = files.get("modules/functions.bicep").modules();
        for (String module : List.of("predict", "feedback")) {
            String names = modules.get(module).parameters().getOrDefault("stickySettingNames", "[]");
            sticky.addAll(quoted(names));
            if (!quoted(names).contains("PIGEONHOLE_CHANNEL")) {
                problems.add("the " + module + " app's PIGEONHOLE_CHANNEL is not slot-sticky: a swap would move the "
                        + "staging channel into production");
            }
        }
        for (String name : sticky) {
            if (NEVER_STICKY.contains(name)) {
                problems.add(name + " is a slot setting: a swap then leaves production on the old package");
            }
        }
        return problems;
    }

    /** Both apps get the host settings the platform and the code need. */
    static List<String> appsGetTheRequiredSettings(Map<String, BicepFile> files) {
        List<String> problems = new ArrayList<>();
        BicepFile functions = files.get("modules/functions.bicep");
        String host = functions.variables().getOrDefault("hostSettings", "");
        REQUIRED_HOST_SETTINGS.forEach((setting, value) -> {
            if (!Pattern.compile("(?m)^\\s*" + setting + ": " + Pattern.quote(value) + "\\s*$").matcher(host).find()) {
                problems.add("hostSettings sets no " + setting + ": " + value);
            }
        });
        functions.modules().forEach((module, call) -> {
            String settings = call.parameters().getOrDefault("settings", "");
            if (!settings.contains("hostSettings") || !settings.contains("commonSettings")) {
                problems.add("module " + module + " does not union hostSettings and commonSettings into its settings");
            }
        });
        String main = files.get("main.bicep").text();
        if (!main.contains("APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString")) {
            problems.add("main.bicep passes no APPLICATIONINSIGHTS_CONNECTION_STRING to the apps");
        }
        return problems;
    }

    /** Every linuxFxVersion is a runtime generally available on Linux Functions on {@code day}. */
    static List<String> runtimesAreSupported(Map<String, BicepFile> files, LocalDate day) {
        List<String> problems = new ArrayList<>();
        files.forEach((name, file) -> {
            Matcher runtime = Pattern.compile("linuxFxVersion: '([^']+)'").matcher(file.text());
            while (runtime.find()) {
                String problem = SupportedRuntimes.problem(SupportedRuntimes.AZURE_FUNCTIONS_LINUX, runtime.group(1), day);
                if (problem != null) {
                    problems.add(name + ": " + problem);
                }
            }
        });
        return problems;
    }

    /**
     * No purge protection on a vault named from the resource group: after the group is deleted, the purge-protected
     * vault keeps its name for the whole retention and blocks redeploying the group.
     */
    static List<String> keyVaultsCanBeRedeployed(Map<String, BicepFile> files) {
        List<String> problems = new ArrayList<>();
        files.forEach((name, file) -> {
            if (file.text().contains("'Microsoft.KeyVault/vaults@")
                    && Pattern.compile("enablePurgeProtection:\\s*true").matcher(file.text()).find()) {
                problems.add(name + ": a purge-protected Key Vault named from the resource group blocks redeploying it");
            }
        });
        return problems;
    }

    /** Every documented command block that sets the API keys secret also restarts the feedback app that reads it. */
    static List<String> secretChangesRestartTheApp(String readme) {
        List<String> problems = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(readme);
        while (block.find()) {
            String commands = block.group(1);
            int set = commands.indexOf("az keyvault secret set");
            if (set >= 0 && commands.indexOf("az functionapp restart", set) < 0) {
                problems.add("a README block sets the Key Vault secret without restarting the app, which keeps the "
                        + "value it resolved at start: " + commands.strip().lines().findFirst().orElse(""));
            }
        }
        return problems;
    }

    /** The retrain job's image in the parameter file is pinned by digest. */
    static List<String> retrainImageIsPinnedByDigest(String parameterFile) {
        Matcher image = Pattern.compile("(?m)^param retrainImage = '([^']*)'").matcher(parameterFile);
        if (!image.find() || !image.group(1).matches(".+@sha256:[0-9a-f]{64}")) {
            return List.of("main.bicepparam's retrainImage is not pinned by digest (repository@sha256:<digest>)");
        }
        return List.of();
    }

    private static Set<String> quoted(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher quoted = Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)'").matcher(text);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
