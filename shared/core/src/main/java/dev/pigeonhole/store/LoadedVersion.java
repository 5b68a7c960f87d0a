package dev.pigeonhole.store;

import java.util.Map;
import java.util.Objects;

/** A version whose every file was checked against its manifest, with the files' bytes by name. */
public record LoadedVersion(Manifest manifest, Map<String, byte[]> files) {

    public LoadedVersion {
        Objects.requireNonNull(manifest, "manifest");
        files = Map.copyOf(files);
    }

    /** The bytes of file {@code name}; IllegalArgumentException naming the version's files if it has none such. */
    public byte[] file(String name) {
        byte[] data = files.get(name);
        if (data == null) {
            throw new IllegalArgumentException("version " + manifest.version() + " has no file '" + name
                    + "'; its files are " + files.keySet().stream().sorted().toList());
        }
        return data;
    }
}
