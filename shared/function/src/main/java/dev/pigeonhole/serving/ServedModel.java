package dev.pigeonhole.serving;

import dev.pigeonhole.model.ModelFormatException;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.model.tabular.TabularModelCodec;
import dev.pigeonhole.store.ChannelNotFoundException;
import dev.pigeonhole.store.CorruptArtifactException;
import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.ModelResolver;
import dev.pigeonhole.store.ReportFiles;
import dev.pigeonhole.store.StoreException;
import dev.pigeonhole.store.StoreLocation;
import dev.pigeonhole.store.VersionNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model a function serves, loaded once from a channel, or the reason none could be loaded. */
public final class ServedModel {

    private static final Logger LOG = LoggerFactory.getLogger(ServedModel.class);

    /**
     * The evaluation report files a served version keeps in memory (all small), so they can be shown
     * with the model; the model files themselves are only kept decoded.
     */
    public static final List<String> REPORT_FILES = ReportFiles.ALL;

    private final TextModel model;
    private final TabularModel tabular;
    private final Manifest manifest;
    private final Map<String, byte[]> reports;
    private final String unavailableReason;

    private ServedModel(TextModel model, Manifest manifest, Map<String, byte[]> reports, String unavailableReason) {
        this(model, null, manifest, reports, unavailableReason);
    }

    private ServedModel(TextModel model, TabularModel tabular, Manifest manifest, Map<String, byte[]> reports,
                        String unavailableReason) {
        this.model = model;
        this.tabular = tabular;
        this.manifest = manifest;
        this.reports = Map.copyOf(reports);
        this.unavailableReason = unavailableReason;
    }

    /** A served model over an already decoded {@code model} and its {@code manifest}, without report files. */
    public static ServedModel of(TextModel model, Manifest manifest) {
        return of(model, manifest, Map.of());
    }

    /**
     * A served model over an already decoded {@code model}, its {@code manifest} and the version's
     * already verified files, of which only the {@link #REPORT_FILES} are kept.
     */
    public static ServedModel of(TextModel model, Manifest manifest, Map<String, byte[]> versionFiles) {
        return new ServedModel(Objects.requireNonNull(model, "model"), Objects.requireNonNull(manifest, "manifest"),
                reportsOf(versionFiles), null);
    }

    private static Map<String, byte[]> reportsOf(Map<String, byte[]> versionFiles) {
        Map<String, byte[]> reports = new LinkedHashMap<>();
        for (String name : REPORT_FILES) {
            byte[] data = versionFiles.get(name);
            if (data != null) {
                reports.put(name, data.clone());
            }
        }
        return reports;
    }

    /** The served model of an already verified {@code version}, text or tabular as its model.json says. */
    public static ServedModel of(LoadedVersion version) {
        TabularModelCodec tabularCodec = new TabularModelCodec();
        if (tabularCodec.handles(version.files())) {
            return of(tabularCodec.decode(version.files()), version.manifest(), version.files());
        }
        return of(new TextModelCodec().decode(version.files()), version.manifest(), version.files());
    }

    /** A served tabular model over an already decoded {@code model}, its manifest and its verified files. */
    public static ServedModel of(TabularModel model, Manifest manifest, Map<String, byte[]> versionFiles) {
        return new ServedModel(null, Objects.requireNonNull(model, "model"), Objects.requireNonNull(manifest, "manifest"),
                reportsOf(versionFiles), null);
    }

    /** No model, for {@code reason} (said to clients, so it must name what to do and no internals). */
    public static ServedModel unavailable(String reason) {
        return new ServedModel(null, null, Map.of(), Objects.requireNonNull(reason, "reason"));
    }

    /** What clients are told when the store cannot be read; what failed (bucket, path, request id) goes to the log. */
    public static final String STORE_UNREACHABLE = "model store unreachable";

    /**
     * Loads the version {@code channel} serves in the store {@code storeSpec} names. Never throws:
     * a function must keep answering (health 503) rather than crash-loop, so every failure becomes
     * the reason of an unavailable model, logged as one WARN line with the details. The reason itself names no
     * store internals (bucket or container, path, SDK request id): clients see it.
     */
    public static ServedModel load(String storeSpec, String channel) {
        return load(storeSpec, channel, false);
    }

    /**
     * As {@link #load(String, String)}, reading only the manifest of the version {@code channel} serves when it is a
     * text model: its labels and version, without reading, verifying or decoding the model files. {@link #model()} of
     * the result throws; for a function that checks labels and never predicts (feedback). A tabular model is small
     * and its feature names are needed to read feedback rows, so it is loaded whole.
     */
    public static ServedModel loadManifest(String storeSpec, String channel) {
        return load(storeSpec, channel, true);
    }

    private static ServedModel load(String storeSpec, String channel, boolean manifestOnly) {
        try {
            ModelResolver resolver = new ModelResolver(StoreLocation.open(storeSpec));
            LoadedVersion version;
            if (manifestOnly) {
                Manifest manifest = resolver.resolveManifest(channel);
                if (manifest.features() == null) {
                    LOG.info("serving the manifest of model version {} from channel '{}'", manifest.version(), channel);
                    return ofManifest(manifest);
                }
                version = resolver.load(manifest);
            } else {
                version = resolver.resolve(channel);
            }
            ServedModel served = of(version);
            LOG.info("serving {} model version {} from channel '{}'", served.tabular() ? "tabular" : "text",
                    version.manifest().version(), channel);
            return served;
        } catch (ChannelNotFoundException e) {
            return failed(e, "no model published on channel '" + channel + "'; run ./pigeonhole train");
        } catch (CorruptArtifactException | VersionNotFoundException | ModelFormatException e) {
            return failed(e, "the model version channel '" + channel + "' serves could not be loaded and verified; "
                    + "publish a new version with ./pigeonhole train");
        } catch (StoreException | IllegalArgumentException e) {
            return failed(e, STORE_UNREACHABLE);
        } catch (RuntimeException e) {
            return failed(e, "the model of channel '" + channel + "' could not be loaded; publish a new version with "
                    + "./pigeonhole train");
        }
    }

    /** A served version of {@code manifest} alone (see {@link #loadManifest}). */
    public static ServedModel ofManifest(Manifest manifest) {
        return new ServedModel(null, Objects.requireNonNull(manifest, "manifest"), Map.of(), null);
    }

    private static ServedModel failed(Exception cause, String reason) {
        LOG.warn("no model loaded: {} ({})", reason, cause.toString());
        return unavailable(reason);
    }

    public boolean loaded() {
        return manifest != null;
    }

    /** True when the served model classifies rows of numbers rather than text. */
    public boolean tabular() {
        return tabular != null;
    }

    /**
     * The served text model; {@link ModelUnavailableException} with the reason when none is loaded,
     * {@link WrongModelKindException} saying what to send when the served model is tabular, IllegalStateException
     * when only the manifest was loaded ({@link #loadManifest}).
     */
    public TextModel model() {
        requireText();
        manifest();
        if (model == null) {
            throw new IllegalStateException("only the manifest of model version " + manifest.version()
                    + " is loaded (pigeonhole.manifest-only); this function does not predict");
        }
        return model;
    }

    /** {@link WrongModelKindException} saying what to send when the served model is tabular, else nothing. */
    public void requireText() {
        if (tabular != null) {
            throw new WrongModelKindException("this model classifies rows of numbers, not text: send {\"features\": {"
                    + String.join(", ", tabular.featureNames().stream().limit(4).map(n -> "\"" + n + "\": <number>")
                    .toList()) + (tabular.featureNames().size() > 4 ? ", ..." : "") + "}} (GET /model lists all "
                    + tabular.featureNames().size() + " features)");
        }
    }

    /**
     * The served tabular model; {@link ModelUnavailableException} with the reason when none is loaded,
     * {@link WrongModelKindException} saying what to send when the served model classifies text.
     */
    public TabularModel tabularModel() {
        manifest();
        if (tabular == null) {
            throw new WrongModelKindException("this model classifies text, not rows of features: send "
                    + "{\"text\": \"the text to classify\"}");
        }
        return tabular;
    }

    /** The served version's manifest; {@link ModelUnavailableException} when none is loaded. */
    public Manifest manifest() {
        if (manifest == null) {
            throw new ModelUnavailableException(unavailableReason);
        }
        return manifest;
    }

    /**
     * The bytes of report file {@code name} of the served version: empty when the name is not one of
     * {@link #REPORT_FILES} or the version has no such file; {@link ModelUnavailableException} when no model is loaded.
     */
    public Optional<byte[]> report(String name) {
        manifest();
        return Optional.ofNullable(reports.get(name)).map(byte[]::clone);
    }

    /** The served version's name, empty when none is loaded. */
    public Optional<String> version() {
        return Optional.ofNullable(manifest).map(Manifest::version);
    }

    /** The labels the served model predicts (as its manifest lists them), empty when none is loaded. */
    public List<String> labels() {
        return manifest == null ? List.of() : manifest.labels();
    }

    /** Why no model is loaded, empty when one is. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }
}
