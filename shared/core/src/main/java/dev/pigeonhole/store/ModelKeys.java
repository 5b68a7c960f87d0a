package dev.pigeonhole.store;

import java.util.regex.Pattern;

/** Where versions and channels live in the store (the layout of the artifact store contract). */
final class ModelKeys {

    static final String MODELS_PREFIX = "models/";
    static final String CHANNELS_PREFIX = "channels/";

    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ModelKeys() {
    }

    static String manifest(String version) {
        return MODELS_PREFIX + requireVersionName(version) + "/" + Manifest.FILE_NAME;
    }

    static String file(String version, String fileName) {
        return MODELS_PREFIX + requireVersionName(version) + "/" + fileName;
    }

    static String channel(String channel) {
        return CHANNELS_PREFIX + requireChannelName(channel) + ".json";
    }

    static String requireChannelName(String channel) {
        if (channel == null || !CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("invalid channel name '" + channel
                    + "': use lowercase letters, digits and '-', for example 'production' or 'staging'");
        }
        return channel;
    }

    static String requireVersionName(String version) {
        if (version == null || !VERSION_NAME.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid version name '" + version
                    + "': use letters, digits, '.', '_' and '-', for example 'v20261122-013045-123'");
        }
        return version;
    }

    /** True if {@code fileName} may be stored in a version folder: one plain segment, not the manifest. */
    static boolean isPlainFileName(String fileName) {
        return fileName != null && !fileName.isBlank() && !fileName.equals(Manifest.FILE_NAME)
                && fileName.indexOf('/') < 0 && fileName.indexOf('\\') < 0 && !fileName.startsWith(".");
    }
}
