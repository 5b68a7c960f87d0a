package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The retrain requests of the store: {@code retrain-requests/<feedback count>.json}, one per k feedbacks, each pending
 * until a marker {@code retrain-requests/done/<feedback count>.json} names the version that served it. Named by the
 * count rather than count / k, so that changing k never makes a new request collide with an old one.
 */
public final class RetrainRequests {

    private final ArtifactStore store;
    private final Clock clock;

    public RetrainRequests(ArtifactStore store) {
        this(store, Clock.systemUTC());
    }

    public RetrainRequests(ArtifactStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the request of the {@code feedbackCount}-th feedback unless it exists; true if this call created it.
     * Creating only if absent is what makes it one request per count, whoever races for it.
     */
    public boolean create(long feedbackCount) {
        if (feedbackCount < 1) {
            throw new IllegalArgumentException("a retrain request needs a feedback count of 1 or more, got " + feedbackCount);
        }
        String id = String.format(Locale.ROOT, "%010d", feedbackCount);
        StoredRetrainRequest request = new StoredRetrainRequest(id, feedbackCount, Instant.now(clock).toString(),
                UUID.randomUUID().toString());
        return store.putIfAbsent(FeedbackKeys.request(id), FeedbackJson.write(request));
    }

    /** Every request, done or not, oldest first. */
    public List<RetrainRequest> all() {
        return store.list(FeedbackKeys.REQUESTS_PREFIX).stream()
                .filter(RetrainRequests::isRequestKey)
                .map(this::read)
                .toList();
    }

    /** The requests without a done marker, oldest first; only those are read (one listing tells which). */
    public List<RetrainRequest> pending() {
        List<String> keys = store.list(FeedbackKeys.REQUESTS_PREFIX);
        Set<String> done = new HashSet<>();
        for (String key : keys) {
            if (key.startsWith(FeedbackKeys.DONE_PREFIX) && key.endsWith(FeedbackKeys.JSON)) {
                done.add(key.substring(FeedbackKeys.DONE_PREFIX.length(), key.length() - FeedbackKeys.JSON.length()));
            }
        }
        return keys.stream()
                .filter(RetrainRequests::isRequestKey)
                .filter(key -> !done.contains(key.substring(FeedbackKeys.REQUESTS_PREFIX.length(),
                        key.length() - FeedbackKeys.JSON.length())))
                .map(this::read)
                .filter(request -> !done.contains(request.id()))
                .toList();
    }

    private RetrainRequest read(String key) {
        return FeedbackJson.read(key, store.get(key).orElseThrow().data(), RetrainRequest.class);
    }

    /** Marks {@code requests} served by {@code version}; call only once that version is published. */
    public void markDone(List<RetrainRequest> requests, String version) {
        String now = Instant.now(clock).toString();
        for (RetrainRequest request : requests) {
            // If two jobs served the same request, the first marker stands.
            store.putIfAbsent(FeedbackKeys.done(request.id()),
                    FeedbackJson.write(new CompletedRetrain(request.id(), version, now)));
        }
    }

    private static boolean isRequestKey(String key) {
        String rest = key.substring(FeedbackKeys.REQUESTS_PREFIX.length());
        return rest.indexOf('/') < 0 && rest.endsWith(FeedbackKeys.JSON);
    }
}
