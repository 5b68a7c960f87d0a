package dev.pigeonhole.contract;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the function.json of an Azure Functions app staged in a directory with the {@code @FunctionName}
 * method of a function class and its {@code @HttpTrigger}: what the host reads must name what the code declares.
 */
public final class StagedFunctionJson {

    private StagedFunctionJson() {
    }

    /** Every difference between the staged function.json and {@code functionClass}'s trigger; empty when they agree. */
    @SuppressWarnings("unchecked")
    public static List<String> mismatches(Path appDir, Class<?> functionClass) {
        Method method = null;
        for (Method candidate : functionClass.getMethods()) {
            if (candidate.isAnnotationPresent(FunctionName.class)) {
                method = candidate;
            }
        }
        Objects.requireNonNull(method, functionClass + " has no @FunctionName method");
        String functionName = method.getAnnotation(FunctionName.class).value();
        HttpTrigger trigger = null;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(HttpTrigger.class)) {
                trigger = parameter.getAnnotation(HttpTrigger.class);
            }
        }
        Objects.requireNonNull(trigger, method + " has no @HttpTrigger parameter");
        Path functionJson = appDir.resolve(functionName).resolve("function.json");
        Map<String, Object> json;
        try {
            json = ObjectMapper.getDefault().readValue(Files.readAllBytes(functionJson),
                    Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + functionJson, e);
        }
        List<String> mismatches = new ArrayList<>();
        String scriptFile = (String) json.get("scriptFile");
        if (scriptFile == null || !Files.isRegularFile(functionJson.getParent().resolve(scriptFile))) {
            mismatches.add("scriptFile " + scriptFile + " is not a file of the app");
        }
        expect(mismatches, "entryPoint", functionClass.getName() + "." + method.getName(), json.get("entryPoint"));
        List<Map<String, Object>> bindings = (List<Map<String, Object>>) json.get("bindings");
        if (bindings == null || bindings.size() != 2) {
            mismatches.add("bindings: expected an httpTrigger in and an http out, found " + bindings);
            return mismatches;
        }
        Map<String, Object> in = bindings.get(0);
        expect(mismatches, "trigger type", "httpTrigger", in.get("type"));
        expect(mismatches, "trigger direction", "in", in.get("direction"));
        expect(mismatches, "trigger name", trigger.name(), in.get("name"));
        expect(mismatches, "route", trigger.route(), in.get("route"));
        expect(mismatches, "authLevel", trigger.authLevel().name(), in.get("authLevel"));
        expect(mismatches, "dataType", trigger.dataType(), in.get("dataType"));
        Map<String, Object> out = bindings.get(1);
        expect(mismatches, "output type", "http", out.get("type"));
        expect(mismatches, "output direction", "out", out.get("direction"));
        expect(mismatches, "output name", "$return", out.get("name"));
        return mismatches;
    }

    private static void expect(List<String> mismatches, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            mismatches.add(what + ": the code declares " + expected + ", function.json says " + actual);
        }
    }
}
