package dev.pigeonhole.retrain;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.training.Progress;
import dev.pigeonhole.training.VersionAssembler;
import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.training.tabular.TabularTraining;
import dev.pigeonhole.training.tabular.TabularTrainingResult;
import dev.pigeonhole.training.tabular.TabularVersionAssembler;
import io.micronaut.core.annotation.Nullable;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code train} on rows of numbers: chooses a candidate by cross-validation, evaluates, publishes, moves the channel. */
final class TabularTrainRun {

    private final Progress progress;
    private final PrintWriter out;

    TabularTrainRun(Progress progress, PrintWriter out) {
        this.progress = progress;
        this.out = out;
    }

    int run(TabularDataset dataset, double holdout, long seed, ArtifactStore artifacts, Channels channels,
            String channel, @Nullable String parent) {
        progress.report(String.format(Locale.ROOT, "%,d rows, %d features, %d labels: %s", dataset.size(),
                dataset.featureNames().size(), dataset.labels().size(), dataset.labelCounts()));
        TabularTrainingResult result = new TabularTraining(TabularTraining.defaultCandidates(seed), holdout, seed,
                progress).run(dataset);
        VersionAssembler.Assembly assembly = new TabularVersionAssembler().assemble(result, List.of(dataset), parent);
        progress.report("publishing to " + artifacts.describe());
        Manifest manifest = new VersionPublisher(artifacts).publish(assembly.draft(), assembly.files());
        channels.move(channel, manifest.version(), "trained from " + dataset.source());
        long bytes = manifest.files().stream().mapToLong(f -> f.size()).sum();
        progress.report(String.format(Locale.ROOT, "published %s (%,d bytes in %d files); channel '%s' now serves it",
                manifest.version(), bytes, manifest.files().size(), channel));
        out.println(manifest.version());
        return 0;
    }
}
