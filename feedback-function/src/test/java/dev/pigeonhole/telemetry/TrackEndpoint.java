package dev.pigeonhole.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the Application Insights ingestion endpoint that keeps every envelope it receives. Public for
 * the tests of other modules that run a function with the agent (the shared test jar).
 */
public final class TrackEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final HttpServer server;
    private final BlockingQueue<Map<String, Object>> envelopes = new LinkedBlockingQueue<>();
    private final List<String> problems = new ArrayList<>();

    public TrackEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2.1/track", this::accept);
        server.createContext("/v2/track", this::accept);
        // The agent asks the ingestion endpoint for the application id and logs a warning when it gets none.
        server.createContext("/api/profiles/", TrackEndpoint::answerAppId);
        server.start();
    }

    /** The connection string that points the agent here. */
    public String connectionString() {
        return "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:"
                + server.getAddress().getPort() + "/";
    }

    /** The first envelope matching the filter, waiting up to the timeout; empty when none arrived. */
    public Optional<Map<String, Object>> await(Predicate<Map<String, Object>> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Map<String, Object> envelope = envelopes.poll(left, TimeUnit.NANOSECONDS);
            if (envelope != null && filter.test(envelope)) {
                return Optional.of(envelope);
            }
        }
        return Optional.empty();
    }

    /**
     * The envelopes matching the filter, waiting until {@code count} have arrived or the timeout has passed (then
     * fewer); envelopes that do not match are dropped.
     */
    public List<Map<String, Object>> await(Predicate<Map<String, Object>> filter, int count, Duration timeout)
            throws InterruptedException {
        List<Map<String, Object>> matching = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0 && matching.size() < count; left = deadline - System.nanoTime()) {
            Map<String, Object> envelope = envelopes.poll(left, TimeUnit.NANOSECONDS);
            if (envelope != null && filter.test(envelope)) {
                matching.add(envelope);
            }
        }
        return matching;
    }

    /** The envelopes matching the filter that arrived and were not taken yet, without waiting. */
    public List<Map<String, Object>> drain(Predicate<Map<String, Object>> filter) {
        List<Map<String, Object>> arrived = new ArrayList<>();
        envelopes.drainTo(arrived);
        arrived.removeIf(filter.negate());
        return arrived;
    }

    /** What went wrong while receiving, for failure messages. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private void accept(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            int count = 0;
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            try (InputStream in = "gzip".equalsIgnoreCase(encoding)
                    ? new GZIPInputStream(new ByteArrayInputStream(body)) : new ByteArrayInputStream(body)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> envelope = JSON.readValue(line, Map.class);
                        envelopes.add(envelope);
                        count++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    problems.add(exchange.getRequestURI() + ": " + e);
                }
            }
            byte[] answer = ("{\"itemsReceived\":" + count + ",\"itemsAccepted\":" + count + ",\"errors\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void answerAppId(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] appId = "00000000-0000-0000-0000-00000000a991".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, appId.length);
            exchange.getResponseBody().write(appId);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
