package dev.pigeonhole.serving;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** The model a function serves right now, swapped whole when a new version is adopted; read it once per request. */
public final class CurrentModel {

    private final CompletableFuture<ServedModel> initial;
    private final AtomicReference<ServedModel> served = new AtomicReference<>();

    public CurrentModel(ServedModel initial) {
        this(CompletableFuture.completedFuture(Objects.requireNonNull(initial, "initial")));
    }

    /**
     * Serves what {@code loading} yields. Start-up does not wait for it, so loading the model overlaps
     * the rest of the framework's start; a request that comes before it is loaded waits for it.
     */
    public CurrentModel(CompletableFuture<ServedModel> loading) {
        this.initial = Objects.requireNonNull(loading, "loading");
    }

    /** The model to use for one whole request. */
    public ServedModel get() {
        ServedModel current = served.get();
        if (current != null) {
            return current;
        }
        served.compareAndSet(null, initial.join());
        return served.get();
    }

    /** Serves {@code next} from now on; requests that already hold the previous model finish with it. */
    void adopt(ServedModel next) {
        served.set(Objects.requireNonNull(next, "next"));
    }
}
