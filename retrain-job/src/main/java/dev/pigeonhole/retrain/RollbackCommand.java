package dev.pigeonhole.retrain;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelMove;
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

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code rollback}: moves a channel back to the version it served before, read from the channel's history. Versions
 * that earlier rollbacks moved away from are skipped, so a second rollback goes further back instead of undoing the
 * first. Prints the version the channel now serves.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Move a channel back to its previous version (from the channel history), or to --to VERSION.")
final class RollbackCommand implements Callable<Integer> {

    /** The reason recorded for a rollback move, followed by the version rolled back from. */
    static final String REASON_PREFIX = "rollback from ";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--channel", defaultValue = "production",
            description = "The channel to move back (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(names = "--to", description = "Move to this version instead of the previous one (it must be complete and verify).")
    String to;

    @Option(names = "--if-current", description = "Only roll back when the channel still serves this version; "
            + "otherwise change nothing and fail (someone moved it since).")
    String ifCurrent;

    @Override
    public Integer call() {
        ArtifactStore artifacts = StoreLocation.open(store.location());
        Channels channels = new Channels(artifacts, new VersionReader(artifacts));
        ChannelPointer pointer = channels.read(channel).orElseThrow(() -> new StoreException(
                "channel '" + channel + "' has never been published in " + artifacts.describe() + ": nothing to roll back"));
        if (ifCurrent != null && !ifCurrent.equals(pointer.version())) {
            throw new StoreException("channel '" + channel + "' serves " + pointer.version() + ", not " + ifCurrent
                    + ": it moved since, so it was left alone");
        }
        String target = to != null ? to : previousVersion(pointer);
        if (target.equals(pointer.version())) {
            throw new StoreException("channel '" + channel + "' already serves " + target);
        }
        channels.move(channel, target, REASON_PREFIX + pointer.version());
        spec.commandLine().getErr().println("channel '" + channel + "' moved back from " + pointer.version() + " to "
                + target);
        spec.commandLine().getOut().println(target);
        return 0;
    }

    /** The newest version in the history other than the current one and those rolled back from. */
    static String previousVersion(ChannelPointer pointer) {
        List<ChannelMove> history = pointer.history();
        Set<String> abandoned = new HashSet<>();
        abandoned.add(pointer.version());
        for (int i = history.size() - 1; i >= 0; i--) {
            ChannelMove move = history.get(i);
            if (move.reason().startsWith(REASON_PREFIX)) {
                abandoned.add(move.reason().substring(REASON_PREFIX.length()));
            }
            if (!abandoned.contains(move.version())) {
                return move.version();
            }
        }
        throw new StoreException("channel '" + pointer.channel() + "' has no earlier version in its history of "
                + history.size() + " move(s) to roll back to");
    }
}
