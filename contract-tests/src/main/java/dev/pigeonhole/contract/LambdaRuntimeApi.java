package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local Lambda Runtime API (version 2018-06-01, what Lambda serves a runtime at $AWS_LAMBDA_RUNTIME_API) for the AWS
 * Lambda Java Runtime Interface Client, the runtime Lambda's Java runtimes run: the client is started on its own
 * class path with the handler string Lambda is given, loads the function from the unzipped package (its working
 * directory, as /var/task on Lambda, and lib/*.jar there), and fetches API Gateway payload 2.0 events as JSON, as the
 * gateway sends them, one per request.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";
    private static final DateTimeFormatter GATEWAY_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String[]> answers = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public LambdaRuntimeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(BASE, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The jars of {@code dir} (a module's target/lambda-runtime/, which its pom stages), sorted. */
    public static List<Path> runtimeJars(Path dir) {
        try (var files = Files.list(dir)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jar in " + dir + ": the pom's stage-lambda-runtime execution puts them there");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handler string infra/aws deploys for {@code function} (local.functions in main.tf of the checkout at {@code root}). */
    public static String terraformHandler(Path root, String function) {
        try {
            String main = Files.readString(root.resolve("infra/aws/main.tf"), UTF_8);
            java.util.regex.Matcher handler = java.util.regex.Pattern
                    .compile("(?s)\\b" + function + " = \\{.*?handler = \"([^\"]+)\"").matcher(main);
            if (!handler.find()) {
                throw new IllegalStateException("infra/aws/main.tf names no handler for " + function);
            }
            return handler.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Unzips the Lambda package {@code zip} into {@code dir}, starts the Runtime Interface Client (its jars:
     * {@code runtimeJars}) with {@code handler} and {@code environment}, sends it {@code requests} one at a time, and
     * answers what the function returned for each. Fails with the client's output when it reports an error.
     */
    public static List<ContractResponse> invoke(Path zip, Path dir, List<Path> runtimeJars, String handler,
                                                Map<String, String> environment, List<ContractRequest> requests) {
        PackagedFunction.unzip(zip, dir);
        try (LambdaRuntimeApi api = new LambdaRuntimeApi()) {
            return api.run(dir, runtimeJars, handler, environment, requests);
        }
    }

    private List<ContractResponse> run(Path taskRoot, List<Path> runtimeJars, String handler,
                                       Map<String, String> environment, List<ContractRequest> requests) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("lambda-runtime", ".log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
                    "-cp", String.join(File.pathSeparator,
                            runtimeJars.stream().map(jar -> jar.toAbsolutePath().toString()).toList()),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
            // The client loads the function from its working directory and lib/*.jar there: Lambda starts it in /var/task.
            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toAbsolutePath().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", address());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
            env.put("_HANDLER", handler);
            env.put("AWS_LAMBDA_FUNCTION_NAME", "pigeonhole-test");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1536");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/pigeonhole-test");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
            env.put("AWS_REGION", "eu-west-1");
            env.putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<ContractResponse> responses = new ArrayList<>();
            for (ContractRequest request : requests) {
                events.add(event(request));
                String[] answer = null;
                for (int waited = 0; answer == null && waited < 120 && process.isAlive(); waited++) {
                    answer = answers.poll(1, TimeUnit.SECONDS);
                }
                if (answer == null || !answer[0].equals("response")) {
                    throw new IllegalStateException((answer == null ? (process.isAlive() ? "no answer within 120 s"
                            : "the runtime exited with " + process.exitValue())
                            : "the runtime reported an " + answer[0] + ": " + answer[1])
                            + " to " + request.method() + " " + request.path() + "; its output:\n" + read(log));
                }
                responses.add(response(answer[1]));
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                byte[] event = null;
                while (event == null && !closed) {
                    event = events.poll(200, TimeUnit.MILLISECONDS);
                }
                if (event == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                String requestId = UUID.randomUUID().toString();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", requestId);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 29_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:eu-west-1:123456789012:function:pigeonhole-test:staging");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-5e1b4151-5ac6c58f5b5dbd6a2d2ba0c3;Parent=0;Sampled=0");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, event.length);
                exchange.getResponseBody().write(event);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                answers.add(new String[] {"response", new String(body, UTF_8)});
                exchange.sendResponseHeaders(202, -1);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                answers.add(new String[] {"error", new String(body, UTF_8)});
                exchange.sendResponseHeaders(202, -1);
            } else if (path.equals("init/error")) {
                answers.add(new String[] {"initialisation error", new String(body, UTF_8)});
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** The request as API Gateway's HTTP API sends it to a Lambda integration with payload format 2.0. */
    static byte[] event(ContractRequest request) {
        Map<String, Object> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        headers.putIfAbsent("host", "abc123.execute-api.eu-west-1.amazonaws.com");
        headers.putIfAbsent("user-agent", "lambda-runtime-test");
        headers.put("x-amzn-trace-id", "Root=1-5e1b4151-5ac6c58f5b5dbd6a2d2ba0c3");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        if (request.body() != null) {
            headers.put("content-length", Integer.toString(request.body().length));
        }
        event.put("headers", headers);
        if (!request.rawQuery().isEmpty()) {
            event.put("queryStringParameters", AwsTransport.queryParameters(request.rawQuery()));
        }
        Instant now = Instant.now();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", headers.get("user-agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "abc123");
        context.put("domainName", headers.get("host"));
        context.put("domainPrefix", "abc123");
        context.put("http", http);
        context.put("requestId", "JKJaXmPLvHcESHA=");
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", GATEWAY_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        event.put("requestContext", context);
        if (request.body() != null && request.body().length > 0) {
            boolean text = AwsTransport.isText((String) headers.get("content-type"));
            event.put("body", text ? new String(request.body(), UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return ObjectMapper.getDefault().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The function's answer, an API Gateway payload 2.0 response as JSON. */
    @SuppressWarnings("unchecked")
    private static ContractResponse response(String json) {
        try {
            Map<String, Object> answer = ObjectMapper.getDefault().readValue(json, Map.class);
            Map<String, String> headers = new HashMap<>();
            if (answer.get("headers") instanceof Map<?, ?> single) {
                single.forEach((name, value) -> headers.put(String.valueOf(name).toLowerCase(Locale.ROOT), String.valueOf(value)));
            }
            if (answer.get("multiValueHeaders") instanceof Map<?, ?> multi) {
                multi.forEach((name, values) -> headers.put(String.valueOf(name).toLowerCase(Locale.ROOT),
                        String.join(",", ((List<Object>) values).stream().map(String::valueOf).toList())));
            }
            Object body = answer.get("body");
            byte[] bytes = body == null ? new byte[0] : Boolean.TRUE.equals(answer.get("isBase64Encoded"))
                    ? Base64.getDecoder().decode((String) body) : ((String) body).getBytes(UTF_8);
            return new ContractResponse(((Number) answer.get("statusCode")).intValue(), headers, bytes);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("not an API Gateway payload 2.0 response: " + json, e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
