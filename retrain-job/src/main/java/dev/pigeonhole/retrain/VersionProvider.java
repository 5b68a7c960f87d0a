package dev.pigeonhole.retrain;

import dev.pigeonhole.training.LibraryVersions;
import picocli.CommandLine;

import java.util.Map;

/** Prints the Pigeonhole, Smile and Java versions for {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Map<String, String> versions = LibraryVersions.current();
        return versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
}
