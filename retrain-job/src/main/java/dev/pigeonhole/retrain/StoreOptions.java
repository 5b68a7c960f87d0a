package dev.pigeonhole.retrain;

import dev.pigeonhole.store.StoreLocation;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by the commands that publish, defaulting to {@code $PIGEONHOLE_STORE}. */
final class StoreOptions {

    @Option(names = "--store", description = "Artifact store: file:<dir>, s3://bucket/prefix or azblob://container/prefix "
            + "(default: $PIGEONHOLE_STORE or file:.pigeonhole/store).")
    String store;

    /** The store location to open: the option when given, else the environment's. */
    String location() {
        return store != null ? store : StoreLocation.fromEnvironment();
    }
}
