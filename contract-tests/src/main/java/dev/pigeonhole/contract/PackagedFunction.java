package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.FunctionName;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Starts a cloud package's entry point in a child JVM ({@link PackagedFunctionRunner}) and sends it requests. */
public final class PackagedFunction {

    private final List<String> classPath;
    private final List<String> runnerArguments;
    private final Map<String, String> environment;

    private PackagedFunction(List<String> classPath, List<String> runnerArguments, Map<String, String> environment) {
        this.classPath = classPath;
        this.runnerArguments = runnerArguments;
        this.environment = environment;
    }

    /** The Lambda package {@code zip}, unzipped into {@code dir}: lib/*.jar, as the Java runtime loads it. */
    public static PackagedFunction lambda(Path zip, Path dir, Map<String, String> environment) {
        unzip(zip, dir);
        List<String> classPath = new ArrayList<>(jars(dir.resolve("lib")));
        classPath.add(codeSource(PackagedFunction.class));
        return new PackagedFunction(classPath, List.of("aws"), environment);
    }

    /**
     * The Azure Functions app staged in {@code dir}: its jar and lib/*.jar, plus the Java library the host
     * provides; {@code functionClass} is created as the host creates it.
     */
    public static PackagedFunction azure(Path dir, String functionClass, String functionName, Map<String, String> environment) {
        List<String> classPath = new ArrayList<>(jars(dir));
        classPath.addAll(jars(dir.resolve("lib")));
        classPath.add(codeSource(FunctionName.class));
        classPath.add(codeSource(HttpRequestMessage.class));
        classPath.add(codeSource(PackagedFunction.class));
        return new PackagedFunction(classPath, List.of("azure", functionClass, functionName), environment);
    }

    /** Sends {@code requests} in order to one cold-started instance and returns its answers. */
    public List<ContractResponse> send(List<ContractRequest> requests) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", String.join(File.pathSeparator, classPath), PackagedFunctionRunner.class.getName()));
        command.addAll(runnerArguments);
        StringBuilder input = new StringBuilder();
        for (ContractRequest request : requests) {
            input.append(request.method()).append(' ').append(request.path()).append(' ')
                    .append(encodeHeaders(request.headers())).append(' ')
                    .append(request.body() == null ? "-" : Base64.getEncoder().encodeToString(request.body())).append('\n');
        }
        try {
            Path log = Files.createTempFile("packaged-function", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().write(input.toString().getBytes(UTF_8));
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            Files.write(log, output);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the packaged function failed; its output:\n" + new String(output, UTF_8));
            }
            List<ContractResponse> responses = new ArrayList<>();
            for (String line : new String(output, UTF_8).split("\n")) {
                if (line.startsWith("RESPONSE ")) {
                    String[] fields = line.strip().split(" ");
                    Map<String, String> headers = fields[2].equals("-") ? Map.of()
                            : Map.of("content-type", fields[2].replace("%20", " "));
                    responses.add(new ContractResponse(Integer.parseInt(fields[1]), headers,
                            Base64.getDecoder().decode(fields.length > 3 ? fields[3] : "")));
                }
            }
            if (responses.size() != requests.size()) {
                throw new IllegalStateException("the packaged function answered " + responses.size() + " of "
                        + requests.size() + " requests; its output:\n" + new String(output, UTF_8));
            }
            return responses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void unzip(Path zipFile, Path into) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException(entry.getName() + " lies outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + zipFile, e);
        }
    }

    private static List<String> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request's headers for the runner: "-" for none, else Base64 of "name: value" lines. */
    static String encodeHeaders(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return "-";
        }
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return Base64.getEncoder().encodeToString(lines.toString().getBytes(UTF_8));
    }
}
