package dev.pigeonhole.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** Reads and moves the channel pointers (channels/&lt;channel&gt;.json) that say which version a channel serves. */
public final class Channels {

    /** How many moves a pointer remembers, newest last. */
    public static final int HISTORY_LIMIT = 50;

    private static final int MAX_ATTEMPTS = 100;

    private final ArtifactStore store;
    private final VersionReader reader;
    private final Clock clock;

    public Channels(ArtifactStore store, VersionReader reader) {
        this(store, reader, Clock.systemUTC());
    }

    public Channels(ArtifactStore store, VersionReader reader, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The pointer of {@code channel}, or empty if nothing was ever published on it. */
    public Optional<ChannelPointer> read(String channel) {
        String key = ModelKeys.channel(channel);
        return store.get(key).map(stored -> parse(key, stored));
    }

    /** The pointer of {@code channel} with its etag, to tell cheaply whether it moved since; empty if never published. */
    public Optional<ChannelRevision> revision(String channel) {
        String key = ModelKeys.channel(channel);
        return store.get(key).map(stored -> new ChannelRevision(parse(key, stored), stored.etag()));
    }

    /**
     * Points {@code channel} at {@code version} after loading and verifying that version, recording the move.
     * Safe against concurrent moves: none is lost, each ends up in the history.
     */
    public ChannelPointer move(String channel, String version, String reason) {
        String key = ModelKeys.channel(channel);
        reader.load(version);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String now = Instant.now(clock).toString();
            ChannelMove move = new ChannelMove(version, now, reason);
            Optional<StoredObject> current = store.get(key);
            if (current.isEmpty()) {
                ChannelPointer created = new ChannelPointer(channel, version, now, List.of(move));
                if (store.putIfAbsent(key, JsonCodec.write(created))) {
                    return created;
                }
            } else {
                ChannelPointer previous = parse(key, current.get());
                List<ChannelMove> history = new ArrayList<>(previous.history());
                history.add(move);
                if (history.size() > HISTORY_LIMIT) {
                    history = history.subList(history.size() - HISTORY_LIMIT, history.size());
                }
                ChannelPointer moved = new ChannelPointer(channel, version, now, history);
                if (store.replaceIf(key, JsonCodec.write(moved), current.get().etag())) {
                    return moved;
                }
            }
            backOff(attempt);
        }
        throw new StoreException("could not move channel '" + channel + "' to version '" + version + "' in "
                + store.describe() + ": it kept changing under us for " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Points {@code channel} at {@code version} only if its pointer is still {@code expected}, the revision read
     * earlier (empty: the channel had none); one conditional write, no retry. Empty when the channel moved since, so a
     * decision taken on what it served then is not applied over a later move (a promote, a rollback, another job).
     */
    public Optional<ChannelPointer> moveIfUnchanged(String channel, Optional<ChannelRevision> expected, String version,
                                                    String reason) {
        String key = ModelKeys.channel(channel);
        reader.load(version);
        String now = Instant.now(clock).toString();
        ChannelMove move = new ChannelMove(version, now, reason);
        if (expected.isEmpty()) {
            ChannelPointer created = new ChannelPointer(channel, version, now, List.of(move));
            return store.putIfAbsent(key, JsonCodec.write(created)) ? Optional.of(created) : Optional.empty();
        }
        List<ChannelMove> history = new ArrayList<>(expected.get().pointer().history());
        history.add(move);
        if (history.size() > HISTORY_LIMIT) {
            history = history.subList(history.size() - HISTORY_LIMIT, history.size());
        }
        ChannelPointer moved = new ChannelPointer(channel, version, now, history);
        return store.replaceIf(key, JsonCodec.write(moved), expected.get().etag()) ? Optional.of(moved) : Optional.empty();
    }

    private ChannelPointer parse(String key, StoredObject stored) {
        try {
            return JsonCodec.read(stored.data(), ChannelPointer.class);
        } catch (IOException | RuntimeException e) {
            throw new CorruptArtifactException("channel pointer " + key + " in " + store.describe()
                    + " is unreadable: " + e.getMessage(), e);
        }
    }

    // Randomised so that rivals that just collided do not collide again in lockstep.
    private static void backOff(int attempt) {
        long maxMicros = Math.min(50_000L, 100L << Math.min(attempt, 9));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxMicros) * 1_000L);
    }
}
