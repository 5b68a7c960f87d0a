package dev.pigeonhole.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions a manifest records as provenance: Pigeonhole, Smile (both from the build) and Java. */
public final class LibraryVersions {

    private LibraryVersions() {
    }

    public static Map<String, String> current() {
        Properties build = new Properties();
        try (InputStream in = LibraryVersions.class.getResourceAsStream("/dev/pigeonhole/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("pigeonhole", build.getProperty("pigeonhole", "unknown"));
        versions.put("smile", build.getProperty("smile", "unknown"));
        versions.put("liblinear", build.getProperty("liblinear", "unknown"));
        versions.put("java", Runtime.version().toString());
        return versions;
    }
}
