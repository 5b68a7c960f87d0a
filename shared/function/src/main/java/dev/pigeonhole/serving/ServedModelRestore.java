package dev.pigeonhole.serving;

import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.CracResourceRegistrar;
import io.micronaut.crac.OrderedResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;

/**
 * Keeps a snapshot (Lambda SnapStart, CRaC) from serving the model it froze: after a restore, the channel is
 * read again and the version it names now is adopted. Active only with CRaC ({@code crac.enabled}, off locally).
 */
@Singleton
@Requires(bean = CracResourceRegistrar.class)
public final class ServedModelRestore implements OrderedResource {

    // A snapshot may be restored days after it was taken, long after the channel moved. A new refresher per
    // restore also means a new store client: connections from before the checkpoint are gone.

    private final CurrentModel current;
    private final String storeSpec;
    private final String channel;
    private final boolean manifestOnly;

    @Inject
    ServedModelRestore(CurrentModel current, ServingConfiguration configuration) {
        this(current, configuration.storeSpec(), configuration.channel(), configuration.manifestOnly());
    }

    ServedModelRestore(CurrentModel current, String storeSpec, String channel) {
        this(current, storeSpec, channel, false);
    }

    ServedModelRestore(CurrentModel current, String storeSpec, String channel, boolean manifestOnly) {
        this.current = Objects.requireNonNull(current, "current");
        this.storeSpec = Objects.requireNonNull(storeSpec, "storeSpec");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.manifestOnly = manifestOnly;
    }

    /** Waits for the cold-start load, so the checkpoint is not taken in the middle of reading the store. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        current.get();
    }

    /** Adopts the version the channel names now, if it is not the one served; a failure keeps it and logs one WARN. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        new ServedModelRefresher(current, storeSpec, channel, manifestOnly).refresh();
    }
}
