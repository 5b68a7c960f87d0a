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
        String version = pointedVersion(channel);
        try {
            return reader.load(version);
        } catch (VersionNotFoundException e) {
            throw gone(channel, version);
        }
    }

    /**
     * The manifest of the version {@code channel} points at, without reading its files: for a reader that needs only
     * the labels and version. The same exceptions as {@link #resolve}, but for damaged files, which are not read.
     */
    public Manifest resolveManifest(String channel) {
        String version = pointedVersion(channel);
        try {
            return reader.manifest(version);
        } catch (VersionNotFoundException e) {
            throw gone(channel, version);
        }
    }

    /**
     * The verified files of the version {@code manifest} (from {@link #resolveManifest}) describes, without reading
     * the channel again: the version loaded is the one that manifest named, even if the channel has moved since.
     * CorruptArtifactException if a file is missing or damaged.
     */
    public LoadedVersion load(Manifest manifest) {
        return reader.load(manifest);
    }

    private String pointedVersion(String channel) {
        return channels.read(channel).orElseThrow(() -> new ChannelNotFoundException(
                "no model published on channel '" + channel + "' in " + store.describe()
                        + "; run ./pigeonhole train")).version();
    }

    private VersionNotFoundException gone(String channel, String version) {
        return new VersionNotFoundException("channel '" + channel + "' points at model version '"
                + version + "', which is not in " + store.describe()
                + "; move the channel to an existing version or run ./pigeonhole train");
    }
}
