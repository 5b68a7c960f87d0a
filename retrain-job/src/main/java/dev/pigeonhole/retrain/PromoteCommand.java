package dev.pigeonhole.retrain;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.StoreException;
import dev.pigeonhole.store.StoreLocation;
import dev.pigeonhole.store.VersionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code promote}: points a channel at the version another channel serves (e.g. staging's at production after a
 * review, or production's at a new deployment's staging channel on its first run). Prints the version.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Move a channel to the version another channel serves.")
final class PromoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--from", required = true, description = "The channel whose version to take, e.g. staging.")
    String from;

    @Option(names = "--channel", required = true, description = "The channel to move, e.g. production.")
    String channel;

    @Override
    public Integer call() {
        ArtifactStore artifacts = StoreLocation.open(store.location());
        Channels channels = new Channels(artifacts, new VersionReader(artifacts));
        String version = channels.read(from).map(ChannelPointer::version).orElseThrow(() -> new StoreException(
                "channel '" + from + "' has never been published in " + artifacts.describe() + ": nothing to promote"));
        channels.move(channel, version, "promoted from " + from);
        spec.commandLine().getErr().println("channel '" + channel + "' now serves " + version + " (from '" + from + "')");
        spec.commandLine().getOut().println(version);
        return 0;
    }
}
