package dev.pigeonhole.store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Lists published versions and loads one, verifying every file's size and SHA-256 against its manifest. */
public final class VersionReader {

    private final ArtifactStore store;

    public VersionReader(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Versions that have a manifest, oldest first; folders of unfinished publishes are left out. */
    public List<String> versions() {
        String suffix = "/" + Manifest.FILE_NAME;
        return store.list(ModelKeys.MODELS_PREFIX).stream()
                .filter(key -> key.endsWith(suffix))
                .map(key -> key.substring(ModelKeys.MODELS_PREFIX.length(), key.length() - suffix.length()))
                .filter(version -> version.indexOf('/') < 0)
                .sorted()
                .toList();
    }

    /** The manifest of {@code version}; VersionNotFoundException if it has none, CorruptArtifactException if unreadable. */
    public Manifest manifest(String version) {
        String key = ModelKeys.manifest(version);
        StoredObject stored = store.get(key).orElseThrow(() -> new VersionNotFoundException(
                "model version '" + version + "' not found in " + store.describe() + " (no " + key + ")"));
        Manifest manifest;
        try {
            manifest = JsonCodec.read(stored.data(), Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw new CorruptArtifactException("manifest of model version '" + version + "' in " + store.describe()
                    + " is unreadable: " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new CorruptArtifactException("manifest of model version '" + version + "' in " + store.describe()
                    + " has format_version " + manifest.formatVersion() + "; this build reads only "
                    + Manifest.FORMAT_VERSION);
        }
        if (!version.equals(manifest.version())) {
            throw new CorruptArtifactException("manifest at " + key + " in " + store.describe()
                    + " claims to be version '" + manifest.version() + "'");
        }
        return manifest;
    }

    /** Loads every file of {@code version}, refusing the version if any file is missing or differs from its manifest. */
    public LoadedVersion load(String version) {
        return load(manifest(version));
    }

    /** As {@link #load(String)}, for a version whose manifest was already read. */
    public LoadedVersion load(Manifest manifest) {
        String version = manifest.version();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (FileEntry entry : manifest.files()) {
            if (!ModelKeys.isPlainFileName(entry.name()) || files.containsKey(entry.name())) {
                throw corrupt(version, entry, "is not a plain, unique file name", "n/a");
            }
            byte[] data = store.get(ModelKeys.file(version, entry.name()))
                    .orElseThrow(() -> corrupt(version, entry, "is missing", "none (missing)"))
                    .data();
            String actual = Sha256.hex(data);
            if (data.length != entry.size()) {
                throw corrupt(version, entry, "has " + data.length + " bytes, not " + entry.size(), actual);
            }
            if (!actual.equals(entry.sha256())) {
                throw corrupt(version, entry, "does not match its sha256", actual);
            }
            files.put(entry.name(), data);
        }
        return new LoadedVersion(manifest, files);
    }

    private CorruptArtifactException corrupt(String version, FileEntry entry, String what, String actualSha256) {
        return new CorruptArtifactException("model version '" + version + "' in " + store.describe() + " is corrupt: file '"
                + entry.name() + "' " + what + " (expected sha256 " + entry.sha256() + ", actual " + actualSha256
                + "); refusing to load it");
    }
}
