package dev.pigeonhole.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a {@code PIGEONHOLE_STORE} value such as {@code file:.pigeonhole/store} into an {@link ArtifactStore}. */
public final class StoreLocation {

    /** The environment variable naming the store. */
    public static final String ENVIRONMENT_VARIABLE = "PIGEONHOLE_STORE";

    /** The store used when the environment variable is unset or blank. */
    public static final String DEFAULT = "file:.pigeonhole/store";

    private static final String ACCEPTED_FORMS =
            "accepted forms: file:<dir> (relative to the working directory or absolute), a plain directory path, "
                    + "s3://bucket/prefix, azblob://container/prefix";


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
        if (trimmed.startsWith("s3://")) {
            return S3ArtifactStore.open(BucketLocation.parse(trimmed, "s3"), S3Settings.fromEnvironment(environment));
        }
        if (trimmed.startsWith("azblob://")) {
            return AzureBlobArtifactStore.open(BucketLocation.parse(trimmed, "azblob"),
                    AzureBlobSettings.fromEnvironment(environment));
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
