package dev.pigeonhole.loop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of corrections from many senders at once, as a reviewer team or a label import sends them: {@code feedbacks}
 * corrections, each with its own prediction id, shared out among {@code senders} that each send theirs one request
 * after the other, one correction per {@code POST /feedback} or {@code perRequest} per {@code POST /feedback/batch}.
 * Records every answer's status and latency and every accepted feedback id.
 */
final class FleetLoad {

    private static final Pattern FEEDBACK_ID = Pattern.compile("\"feedback_id\":\"([^\"]+)\"");
    private static final Pattern RETRAIN_REQUESTED = Pattern.compile("\"retrain_requested\":true");
    private static final List<String> LABELS = List.of("Science", "Sport", "Informatique");

    /** What a run saw: statuses of requests (and of items, for batches), latencies, accepted ids, the wall time. */
    record Result(int requests, int feedbacks, Map<Integer, Integer> statuses, Map<Integer, Integer> itemStatuses,
                  long[] latencyNanos, List<String> acceptedIds, int retrainRequested, double seconds) {

        double percentileMillis(double q) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(q * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, index))] / 1e6;
        }

        int serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        String summary(String what) {
            return String.format(Locale.ROOT, "%s: %,d feedbacks in %,d requests in %.1f s: %.0f feedbacks/s, "
                    + "p50 %.0f ms, p99 %.0f ms, max %.0f ms; statuses %s%s; %,d accepted, %d said retrain_requested",
                    what, feedbacks, requests, seconds, feedbacks / seconds, percentileMillis(0.5),
                    percentileMillis(0.99), percentileMillis(1.0), statuses,
                    itemStatuses.isEmpty() ? "" : ", items " + itemStatuses, acceptedIds.size(), retrainRequested);
        }
    }

    private FleetLoad() {
    }

    static String predictionId(String run, int i) {
        return "fleet-" + run + "-" + i;
    }

    private static String item(String run, int i) {
        return String.format(Locale.ROOT, "{\"text\":\"correction %d of the fleet run: the goalie stopped every shot "
                + "and the team won the hockey game\",\"predicted_label\":\"%s\",\"true_label\":\"%s\","
                + "\"prediction_id\":\"%s\"}", i, LABELS.get(i % 3), LABELS.get((i + 1) % 3), predictionId(run, i));
    }

    static Result run(URI base, String apiKey, String run, int feedbacks, int senders, int perRequest) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        URI uri = base.resolve(perRequest > 1 ? "/feedback/batch" : "/feedback");
        // Request r carries corrections r * perRequest ...; sender s sends requests s, s + senders, ...
        int requests = (feedbacks + perRequest - 1) / perRequest;
        ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> items = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> retrain = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            running.add(pool.submit(() -> {
                start.await();
                for (int r = sender; r < requests; r += senders) {
                    int from = r * perRequest;
                    int to = Math.min(feedbacks, from + perRequest);
                    StringBuilder body = new StringBuilder();
                    if (perRequest > 1) {
                        body.append("{\"items\":[");
                        for (int i = from; i < to; i++) {
                            body.append(i > from ? "," : "").append(item(run, i));
                        }
                        body.append("]}");
                    } else {
                        body.append(item(run, from));
                    }
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                    long begin = System.nanoTime();
                    int status;
                    String text = "";
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        text = response.body();
                    } catch (IOException e) {
                        status = -1;
                    }
                    answers.add(new long[] {status, System.nanoTime() - begin});
                    Matcher ids = FEEDBACK_ID.matcher(text);
                    while (ids.find()) {
                        accepted.add(ids.group(1));
                    }
                    Matcher requested = RETRAIN_REQUESTED.matcher(text);
                    while (requested.find()) {
                        retrain.add(1);
                    }
                    if (perRequest > 1) {
                        Matcher codes = Pattern.compile("\"code\":(\\d+)").matcher(text);
                        while (codes.find()) {
                            items.add(Integer.parseInt(codes.group(1)));
                        }
                    }
                }
                return null;
            }));
        }
        long begin = System.nanoTime();
        start.countDown();
        try {
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] latencies = new long[answers.size()];
        int n = 0;
        for (long[] answer : answers) {
            statuses.merge((int) answer[0], 1, Integer::sum);
            latencies[n++] = answer[1];
        }
        Arrays.sort(latencies);
        Map<Integer, Integer> itemStatuses = new TreeMap<>();
        items.forEach(code -> itemStatuses.merge(code, 1, Integer::sum));
        return new Result(requests, feedbacks, statuses, itemStatuses, latencies, List.copyOf(accepted), retrain.size(),
                seconds);
    }
}
