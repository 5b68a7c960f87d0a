package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.StoredObject;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The lease that keeps retrain runs from overlapping: {@code locks/retrain.json} in the store, naming its owner and
 * when it expires. Taken by creating it if absent, or by replacing an expired or released one under its etag, so two
 * runs never both hold it; a run that dies holding it blocks the next ones only until it expires.
 */
public final class RetrainLease {

    static final String KEY = "locks/retrain.json";

    private final ArtifactStore store;
    private final Clock clock;

    public RetrainLease(ArtifactStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lease as written: the token, unique to the write, tells a resent write of ours from a rival's (ArtifactStore). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Holder(String owner, String acquiredAt, String expiresAt, boolean released, String token) {

        boolean heldAt(Instant now) {
            return !released && Instant.parse(expiresAt).isAfter(now);
        }
    }

    /** A lease this run holds; give it back with {@link #release}. */
    public record Held(Holder holder, String etag) {
    }

    /** What {@link #acquire} got: the lease, or the holder that kept it from this run. */
    public record Attempt(Optional<Held> held, Optional<Holder> holder) {

        public boolean acquired() {
            return held.isPresent();
        }
    }

    /** Takes the lease for {@code owner} for {@code duration}, unless another owner holds an unexpired one. */
    public Attempt acquire(String owner, Duration duration) {
        Instant now = Instant.now(clock);
        Holder mine = new Holder(owner, now.toString(), now.plus(duration).toString(), false, UUID.randomUUID().toString());
        byte[] data = FeedbackJson.write(mine);
        Optional<StoredObject> current = store.get(KEY);
        boolean written;
        if (current.isEmpty()) {
            written = store.putIfAbsent(KEY, data);
        } else {
            Holder holder = read(current.get());
            if (holder.heldAt(now)) {
                return new Attempt(Optional.empty(), Optional.of(holder));
            }
            written = store.replaceIf(KEY, data, current.get().etag());
        }
        Optional<StoredObject> after = store.get(KEY);
        if (written && after.isPresent() && read(after.get()).token().equals(mine.token())) {
            return new Attempt(Optional.of(new Held(mine, after.get().etag())), Optional.empty());
        }
        return new Attempt(Optional.empty(), after.map(this::read));
    }

    /** Gives the lease back; false when it was no longer ours (it expired and another run took it). */
    public boolean release(Held held) {
        Holder released = new Holder(held.holder().owner(), held.holder().acquiredAt(), Instant.now(clock).toString(),
                true, UUID.randomUUID().toString());
        return store.replaceIf(KEY, FeedbackJson.write(released), held.etag());
    }

    private Holder read(StoredObject stored) {
        return FeedbackJson.read(KEY, stored.data(), Holder.class);
    }
}
