package dev.pigeonhole.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Publishes a model version named like {@code v20261122-013045-123}: its files first, then manifest.json. */
public final class VersionPublisher {

    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("'v'uuuuMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final int MAX_ATTEMPTS = 10;

    private final ArtifactStore store;
    private final Clock clock;

    public VersionPublisher(ArtifactStore store) {
        this(store, Clock.systemUTC());
    }

    public VersionPublisher(ArtifactStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores {@code files} as a new version described by {@code draft} and returns its manifest. */
    public Manifest publish(ManifestDraft draft, Map<String, byte[]> files) {
        Objects.requireNonNull(draft, "draft");
        List<FileEntry> entries = describeFiles(files);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String version = nextVersionName();
            // Files are created, never overwritten: a publisher that picked the same name concurrently
            // must not replace files its rival's manifest will vouch for. Whoever clashes tries another name.
            if (!writeFiles(version, files)) {
                continue;
            }
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, version, Instant.now(clock).toString(),
                    draft.parent(), draft.algorithm(), draft.parameters(), draft.libraryVersions(), draft.labels(),
                    draft.trainingData(), draft.metrics(), entries, draft.features());
            if (store.putIfAbsent(ModelKeys.manifest(version), JsonCodec.write(manifest))) {
                return manifest;
            }
        }
        throw new StoreException("could not find a free version name in " + store.describe() + " after "
                + MAX_ATTEMPTS + " attempts; other publishers keep taking them");
    }

    private boolean writeFiles(String version, Map<String, byte[]> files) {
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            if (!store.putIfAbsent(ModelKeys.file(version, file.getKey()), file.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<FileEntry> describeFiles(Map<String, byte[]> files) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one file besides its manifest");
        }
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((name, data) -> {
            if (!ModelKeys.isPlainFileName(name)) {
                throw new IllegalArgumentException("invalid file name '" + name + "' for a version: use a plain name"
                        + " without '/' or '\\', not starting with '.', and not " + Manifest.FILE_NAME);
            }
            Objects.requireNonNull(data, () -> "file '" + name + "' has no content");
            entries.add(new FileEntry(name, Sha256.hex(data), data.length));
        });
        entries.sort(Comparator.comparing(FileEntry::name));
        return entries;
    }

    // UTC to the millisecond, bumped past the newest existing folder, so names sort in creation order.
    private String nextVersionName() {
        String fromClock = VERSION_FORMAT.format(clock.instant());
        Optional<String> newest = newestFolder();
        if (newest.isEmpty() || fromClock.compareTo(newest.get()) > 0) {
            return fromClock;
        }
        try {
            Instant newestTime = Instant.from(VERSION_FORMAT.parse(newest.get()));
            return VERSION_FORMAT.format(newestTime.plus(1, ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            throw new StoreException("cannot name a version after '" + newest.get() + "' in " + store.describe()
                    + ": it sorts after the clock and is not of the form " + fromClock, e);
        }
    }

    // Folders without a manifest (crashed publishes) count too, so a new name never lands in one.
    private Optional<String> newestFolder() {
        return store.list(ModelKeys.MODELS_PREFIX).stream()
                .map(key -> key.substring(ModelKeys.MODELS_PREFIX.length()))
                .filter(rest -> rest.indexOf('/') > 0)
                .map(rest -> rest.substring(0, rest.indexOf('/')))
                .max(Comparator.naturalOrder());
    }
}
