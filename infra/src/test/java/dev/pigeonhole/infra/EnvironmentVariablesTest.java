package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.feedback.function.FeedbackApplication;
import dev.pigeonhole.predict.PredictApplication;
import dev.pigeonhole.serving.ServingConfiguration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.naming.NameUtils;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every PIGEONHOLE_* variable the infrastructure sets is one the code reads: a placeholder in an application.yml, a
 * variable name in the Java sources (the store location code), or a Micronaut configuration property it binds
 * or defines in application.yml (PIGEONHOLE_WEB_FEEDBACK_URL is pigeonhole.web.feedback-url); the API key
 * authorizer's own variables are ones its code reads.
 */
class EnvironmentVariablesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\bPIGEONHOLE_[A-Z0-9_]+\\b");

    @Test
    void everyVariableTheInfrastructureSetsIsReadByTheCode() {
        Set<String> read = readByCode();
        Set<String> unread = new TreeSet<>(setByInfrastructure());
        unread.removeAll(read);

        assertEquals(Set.of(), unread, "set in infra/ but read by no code (read: " + read + ")");
    }

    @Test
    void everyVariableTheAuthorizerIsGivenIsOneItReads() {
        Set<String> given = names(RepositoryFiles.read("infra/aws/authorizer.tf"));
        Set<String> read = new TreeSet<>();
        Matcher authorizer = Pattern.compile("process\\.env\\.(PIGEONHOLE_[A-Z0-9_]+)")
                .matcher(RepositoryFiles.read("infra/aws/authorizer/index.mjs"));
        while (authorizer.find()) {
            read.add(authorizer.group(1));
        }

        assertEquals(Set.of("PIGEONHOLE_API_KEYS_PARAMETER"), given);
        assertTrue(read.containsAll(given), read.toString());
    }

    @Test
    void bothCloudsSetTheStoreTheChannelAndTheRetrainEvery() {
        for (String name : List.of("PIGEONHOLE_STORE", "PIGEONHOLE_CHANNEL", "PIGEONHOLE_RETRAIN_EVERY")) {
            assertTrue(infraText("infra/azure", "**.bicep").contains(name), "Azure does not set " + name);
            assertTrue(infraText("infra/aws", "*.tf").contains(name), "AWS does not set " + name);
        }
    }

    @Test
    void theChannelStaysWithItsSlotOnAzure() {
        String functions = RepositoryFiles.read("infra/azure/modules/functions.bicep");
        String app = RepositoryFiles.read("infra/azure/modules/function-app.bicep");

        assertTrue(app.contains("name: 'slotConfigNames'") && app.contains("appSettingNames: stickySettingNames"));
        assertEquals(2, count(functions, "stickySettingNames: [\n      'PIGEONHOLE_CHANNEL'"),
                "both apps keep PIGEONHOLE_CHANNEL with the slot");
        assertEquals(2, count(functions, "PIGEONHOLE_CHANNEL: 'staging'"), "both staging slots serve staging");
    }

    @Test
    void theFeedbackFunctionGetsTheApplicationInsightsConnectionStringOnBothClouds() {
        assertTrue(RepositoryFiles.read("infra/azure/main.bicep")
                .contains("APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString"));
        String aws = RepositoryFiles.read("infra/aws/main.tf");
        assertTrue(aws.contains("APPLICATIONINSIGHTS_CONNECTION_STRING  = data.aws_ssm_parameter"));
        assertTrue(aws.contains("JAVA_TOOL_OPTIONS                      = \"-javaagent:/opt/applicationinsights-agent.jar\""));
        assertTrue(aws.contains("feedback = merge(local.common_environment, local.telemetry_environment,"));
    }

    /** The variables of the functions and the job; the authorizer's own (authorizer.tf) are checked apart. */
    static Set<String> setByInfrastructure() {
        Set<String> names = new TreeSet<>();
        List<Path> files = new ArrayList<>(RepositoryFiles.find("infra/aws", "*.tf"));
        files.removeIf(file -> file.getFileName().toString().equals("authorizer.tf"));
        files.addAll(RepositoryFiles.find("infra/azure", "**.bicep"));
        files.addAll(RepositoryFiles.find("infra/azure", "*.bicepparam"));
        for (Path file : files) {
            names.addAll(names(RepositoryFiles.read(file)));
        }
        return names;
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    static Set<String> readByCode() {
        Set<String> names = new TreeSet<>();
        for (Path yml : RepositoryFiles.find(".", "*/src/main/resources/application*.yml")) {
            String text = RepositoryFiles.read(yml);
            Matcher placeholder = Pattern.compile("\\$\\{(PIGEONHOLE_[A-Z0-9_]+)").matcher(text);
            while (placeholder.find()) {
                names.add(placeholder.group(1));
            }
            // A property the configuration defines can be set from the environment under its Micronaut name.
            Object tree = new Yaml().load(text);
            for (String property : flatten("", tree)) {
                names.add(environmentName(property));
            }
        }
        for (Path source : RepositoryFiles.find(".", "**/src/main/java/**.java")) {
            Matcher literal = Pattern.compile("\"(PIGEONHOLE_[A-Z0-9_]+)\"").matcher(RepositoryFiles.read(source));
            while (literal.find()) {
                names.add(literal.group(1));
            }
        }
        for (Class<?> type : ClassScan.classesOf(PredictApplication.class, FeedbackApplication.class,
                ServingConfiguration.class)) {
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            if (properties != null) {
                for (String property : propertyNames(type)) {
                    names.add(environmentName(properties.value() + "." + property));
                }
            }
        }
        names.removeIf(name -> !name.startsWith("PIGEONHOLE_"));
        return names;
    }

    private static List<String> flatten(String prefix, Object node) {
        List<String> properties = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> properties.addAll(flatten(prefix.isEmpty() ? String.valueOf(key)
                    : prefix + "." + key, value)));
        } else if (!prefix.isEmpty()) {
            properties.add(prefix);
        }
        return properties;
    }

    private static List<String> propertyNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(NameUtils.hyphenate(component.getName()));
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    names.add(NameUtils.hyphenate(field.getName()));
                }
            }
        }
        return names;
    }

    /** The variable Micronaut maps onto a property: upper case, '.' and '-' as '_'. */
    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String infraText(String dir, String glob) {
        StringBuilder text = new StringBuilder();
        RepositoryFiles.find(dir, glob).forEach(file -> text.append(RepositoryFiles.read(file)));
        return text.toString();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
