package dev.pigeonhole.serving;

import dev.pigeonhole.model.ModelFormatException;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelRevision;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.CorruptArtifactException;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.StoreLocation;
import dev.pigeonhole.store.VersionNotFoundException;
import dev.pigeonhole.store.VersionReader;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lets a warm function adopt the version its channel moved to, checked every {@code pigeonhole.refresh-seconds}. */
@Singleton
@Requires(property = ServedModelRefresher.PROPERTY, pattern = "0*[1-9][0-9]*")
public final class ServedModelRefresher {

    // Off at 0 (the default): no bean, so no scheduled task. The pointer's etag makes the check cheap; only a
    // changed pointer naming another version costs a full load (verified, decoded), done here, off the request path.
    static final String PROPERTY = "pigeonhole.refresh-seconds";

    private static final Logger LOG = LoggerFactory.getLogger(ServedModelRefresher.class);

    private final CurrentModel current;
    private final String storeSpec;
    private final String channel;
    private final boolean manifestOnly;

    // Only the scheduler touches these, and it never runs two refreshes at once (fixed delay).
    private ArtifactStore store;
    private String seenEtag;
    private String lastWarning;

    @Inject
    ServedModelRefresher(CurrentModel current, ServingConfiguration configuration) {
        this(current, configuration.storeSpec(), configuration.channel(), configuration.manifestOnly());
    }

    ServedModelRefresher(CurrentModel current, String storeSpec, String channel) {
        this(current, storeSpec, channel, false);
    }

    ServedModelRefresher(CurrentModel current, String storeSpec, String channel, boolean manifestOnly) {
        this.current = Objects.requireNonNull(current, "current");
        this.storeSpec = Objects.requireNonNull(storeSpec, "storeSpec");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.manifestOnly = manifestOnly;
    }

    /** Adopts the channel's version if the channel moved; a failure keeps the current model and logs one WARN. */
    @Scheduled(fixedDelay = "${" + PROPERTY + "}s", initialDelay = "${" + PROPERTY + "}s")
    void refresh() {
        Optional<ChannelRevision> revision;
        try {
            if (store == null) {
                store = StoreLocation.open(storeSpec);
            }
            revision = new Channels(store, new VersionReader(store)).revision(channel);
        } catch (RuntimeException e) {
            // The store may be back next time: try again then.
            warnOnce("cannot read channel '" + channel + "' to check for a new model version; still serving "
                    + served() + ": " + e.getMessage());
            return;
        }
        if (revision.isEmpty() || revision.get().etag().equals(seenEtag)) {
            lastWarning = null;
            return;
        }
        String version = revision.get().pointer().version();
        if (!current.get().version().filter(version::equals).isPresent()) {
            try {
                adopt(version);
            } catch (CorruptArtifactException | VersionNotFoundException | ModelFormatException
                     | IllegalArgumentException e) {
                // A published version never changes, so this one will not load on a later try either:
                // wait for the channel to move again (seenEtag is set below).
                warnOnce("channel '" + channel + "' moved to model version '" + version + "', which cannot be "
                        + "served; still serving " + served() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                warnOnce("channel '" + channel + "' moved to model version '" + version + "', which could not be "
                        + "loaded now (will retry); still serving " + served() + ": " + e.getMessage());
                return;
            }
        }
        seenEtag = revision.get().etag();
    }

    private void adopt(String version) {
        VersionReader reader = new VersionReader(store);
        ServedModel next;
        Manifest manifest = manifestOnly ? reader.manifest(version) : null;
        if (manifest != null && manifest.features() == null) {
            next = ServedModel.ofManifest(manifest);
        } else {
            next = ServedModel.of(reader.load(version));
        }
        String previous = served();
        current.adopt(next);
        lastWarning = null;
        LOG.info("serving model version {} from channel '{}' (was {})", version, channel, previous);
    }

    private String served() {
        return current.get().version().map(version -> "version " + version).orElse("no model");
    }

    private void warnOnce(String message) {
        if (!message.equals(lastWarning)) {
            LOG.warn(message);
            lastWarning = message;
        }
    }
}
