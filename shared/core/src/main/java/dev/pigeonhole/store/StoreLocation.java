package dev.pigeonhole.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Turns a {@code PIGEONHOLE_STORE} value such as {@code file:.pigeonhole/store} into an {@link ArtifactStore}. The
 * local store is built in; a cloud store is found by its URL scheme among the {@link CloudStoreProvider}s on the class
 * path, so a package that runs on one cloud carries only that cloud's store module.
 */
public final class StoreLocation {

    /** The environment variable naming the store. */
    public static final String ENVIRONMENT_VARIABLE = "PIGEONHOLE_STORE";

    /** The store used when the environment variable is unset or blank. */
    public static final String DEFAULT = "file:.pigeonhole/store";

    private static final String ACCEPTED_FORMS =
            "accepted forms: file:<dir> (relative to the working directory or absolute), a plain directory path, "
                    + "s3://bucket/prefix, azblob://container/prefix";


    // The cloud store modules, by the scheme each opens: what to add when a scheme's provider is missing.
    private static final Map<String, String> CLOUD_MODULES = Map.of(
            "s3", "pigeonhole-store-s3 (shared/store-s3)",
            "azblob", "pigeonhole-store-azure (shared/store-azure)");

    // One letter before ':' is a Windows drive ("C:\\store"), not a scheme.
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private StoreLocation() {
    }

    /** Opens the store that {@code spec} names; IllegalArgumentException for a blank or unknown spec. */
    public static ArtifactStore open(String spec) {
        return open(spec, System.getenv());
    }

    /**
     * As {@link #open(String)}, taking cloud settings (AWS_ENDPOINT_URL_S3, AZURE_STORAGE_CONNECTION_STRING, ...)
     * from {@code environment}; a cloud store is checked to exist, StoreException naming the bucket or container if not.
     */
    public static ArtifactStore open(String spec, Map<String, String> environment) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("store location is empty; " + ACCEPTED_FORMS);
        }
        String trimmed = spec.strip();
        for (Map.Entry<String, String> cloud : CLOUD_MODULES.entrySet()) {
            String scheme = cloud.getKey();
            if (trimmed.startsWith(scheme + "://")) {
                BucketLocation location = BucketLocation.parse(trimmed, scheme);
                return provider(scheme)
                        .orElseThrow(() -> new IllegalStateException("store location '" + trimmed + "' needs the "
                                + scheme + ":// store, which is not on the class path: add the module "
                                + cloud.getValue() + " to this application"))
                        .open(location, environment);
            }
        }
        String path;
        if (trimmed.startsWith("file:")) {
            path = trimmed.substring("file:".length());
            if (path.startsWith("//")) {
                path = path.substring(2); // file:///abs/dir
            }
        } else if (SCHEME.matcher(trimmed).find()) {
            throw new IllegalArgumentException("unknown store location '" + trimmed + "'; " + ACCEPTED_FORMS);
        } else {
            path = trimmed;
        }
        if (path.isBlank()) {
            throw new IllegalArgumentException("store location '" + trimmed + "' names no directory; " + ACCEPTED_FORMS);
        }
        try {
            return new LocalArtifactStore(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("store location '" + trimmed + "' is not a valid path: "
                    + e.getMessage() + "; " + ACCEPTED_FORMS, e);
        }
    }

    private static Optional<CloudStoreProvider> provider(String scheme) {
        // This class's loader, not the thread's: the Azure Functions worker runs functions under a loader of its own.
        return ServiceLoader.load(CloudStoreProvider.class, CloudStoreProvider.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.scheme().equals(scheme))
                .findFirst();
    }

    /** The store spec from the environment: {@code PIGEONHOLE_STORE}, or {@link #DEFAULT} when unset or blank. */
    public static String fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, reading the given environment instead of the process's. */
    public static String fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        return value == null || value.isBlank() ? DEFAULT : value.strip();
    }
}
