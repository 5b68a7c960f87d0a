package dev.pigeonhole.serving;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** The model a function serves right now, swapped whole when a new version is adopted; read it once per request. */
public final class CurrentModel {

    private final AtomicReference<ServedModel> served;

    public CurrentModel(ServedModel initial) {
        this.served = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** The model to use for one whole request. */
    public ServedModel get() {
        return served.get();
    }

    /** Serves {@code next} from now on; requests that already hold the previous model finish with it. */
    void adopt(ServedModel next) {
        served.set(Objects.requireNonNull(next, "next"));
    }
}
