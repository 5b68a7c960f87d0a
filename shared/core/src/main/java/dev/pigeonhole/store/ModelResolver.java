package dev.pigeonhole.store;

import java.util.Objects;

/** Finds and loads the verified version a channel serves. */
public final class ModelResolver {

    private final ArtifactStore store;
    private final Channels channels;
    private final VersionReader reader;

    public ModelResolver(ArtifactStore store, Channels channels, VersionReader reader) {
        this.store = Objects.requireNonNull(store, "store");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** A resolver over {@code store} with its own reader and channels. */
    public ModelResolver(ArtifactStore store) {
        this(store, new Channels(store, new VersionReader(store)), new VersionReader(store));
    }

    /**
     * The verified version {@code channel} points at; ChannelNotFoundException if nothing was published on it,
     * VersionNotFoundException or CorruptArtifactException if its version is gone or damaged.
     */
    public LoadedVersion resolve(String channel) {
        ChannelPointer pointer = channels.read(channel).orElseThrow(() -> new ChannelNotFoundException(
                "no model published on channel '" + channel + "' in " + store.describe()
                        + "; run ./pigeonhole train"));
        try {
            return reader.load(pointer.version());
        } catch (VersionNotFoundException e) {
            throw new VersionNotFoundException("channel '" + channel + "' points at model version '"
                    + pointer.version() + "', which is not in " + store.describe()
                    + "; move the channel to an existing version or run ./pigeonhole train");
        }
    }
}
