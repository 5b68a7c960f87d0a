package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.StoreLocation;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import dev.pigeonhole.training.HoldoutTraining;
import dev.pigeonhole.training.TrainingResult;
import dev.pigeonhole.training.VersionAssembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code train}: reads a data set, trains and evaluates a model, publishes it as a version and moves a channel. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train, evaluate and publish one model version from a data set.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--channel", defaultValue = "production",
            description = "Channel to move to the new version (default: ${DEFAULT-VALUE}).")
    String channel;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--holdout", defaultValue = "0.2",
            description = "Share of the data held out to evaluate and calibrate (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the held-out split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--if-channel-empty",
            description = "Do nothing when the channel already serves a version (what ./pigeonhole serve uses on first run).")
    boolean onlyIfChannelEmpty;

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        TextModelRecipe parameters = model.parameters();
        ArtifactStore artifacts = StoreLocation.open(store.location());
        VersionReader reader = new VersionReader(artifacts);
        Channels channels = new Channels(artifacts, reader);
        String parent = channels.read(channel).map(ChannelPointer::version).orElse(null);
        if (onlyIfChannelEmpty && parent != null) {
            progress.report("channel '" + channel + "' already serves " + parent + " in " + artifacts.describe()
                    + "; nothing to train");
            spec.commandLine().getOut().println(parent);
            return 0;
        }

        progress.report("reading " + data.data);
        if (data.tabular()) {
            return new TabularTrainRun(progress, spec.commandLine().getOut())
                    .run(data.readTabular(), holdout, seed, artifacts, channels, channel, parent);
        }
        Dataset dataset = data.read();
        progress.report(String.format(Locale.ROOT, "%,d examples, %d labels: %s", dataset.size(),
                dataset.labels().size(), dataset.labelCounts()));

        TrainingResult result = new HoldoutTraining(parameters, holdout, seed, progress, model.search(seed, progress))
                .run(dataset);
        VersionAssembler.Assembly assembly = new VersionAssembler().assemble(result, List.of(dataset), parent);

        progress.report("publishing to " + artifacts.describe());
        Manifest manifest = new VersionPublisher(artifacts).publish(assembly.draft(), assembly.files());
        channels.move(channel, manifest.version(), "trained from " + dataset.source());
        long bytes = manifest.files().stream().mapToLong(f -> f.size()).sum();
        progress.report(String.format(Locale.ROOT, "published %s (%,d bytes in %d files); channel '%s' now serves it",
                manifest.version(), bytes, manifest.files().size(), channel));
        spec.commandLine().getOut().println(manifest.version());
        return 0;
    }
}
