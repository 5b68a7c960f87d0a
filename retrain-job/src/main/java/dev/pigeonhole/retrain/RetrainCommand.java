package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.feedback.ClientShareCap;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.RetrainRequest;
import dev.pigeonhole.feedback.RetrainRequests;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.monitoring.FeedbackMonitor;
import dev.pigeonhole.monitoring.MonitoringReport;
import dev.pigeonhole.monitoring.Verdict;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.StoreLocation;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import dev.pigeonhole.training.CandidateTraining;
import dev.pigeonhole.training.ModelComparison;
import dev.pigeonhole.training.RetrainData;
import dev.pigeonhole.training.RecipeSearch;
import dev.pigeonhole.training.RetrainSplit;
import dev.pigeonhole.training.VersionAssembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code retrain}: serves the pending retrain requests with one new version trained on the reference data plus all
 * feedback, moves {@code staging} to it, and moves {@code production} only if it is not worse than the model there.
 * Requests are marked done last, so a crash before leaves them pending for the next run.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Process pending retrain requests: train on reference data plus feedback, evaluate against "
                + "production, publish, move staging, and move production when not worse.")
final class RetrainCommand implements Callable<Integer> {

    static final String STAGING = "staging";
    static final String PRODUCTION = "production";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--tolerance", defaultValue = "0.01",
            description = "Accuracy the candidate may lose against production and still replace it (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--holdout", defaultValue = "0.2",
            description = "Share of the reference data in the fixed evaluation set (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the reference held-out split; keep it fixed across runs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--feedback-holdout", defaultValue = "0.2",
            description = "Share of the feedback in the evaluation set (default: ${DEFAULT-VALUE}).")
    double feedbackHoldout;

    @Option(names = "--max-client-share", defaultValue = "0.25",
            description = "Largest share of the feedback records one client (API key) may contribute; the rest of its "
                    + "records, oldest kept first, is left out and counted in the manifest and report (default: ${DEFAULT-VALUE}).")
    double maxClientShare;

    @Option(names = "--min-client-records", defaultValue = "20",
            description = "Records every client may contribute whatever its share, so that a deployment with few "
                    + "clients still learns from them (default: ${DEFAULT-VALUE}).")
    int minClientRecords;

    private final Function<String, ArtifactStore> stores;

    RetrainCommand() {
        this(StoreLocation::open);
    }

    /** With {@code stores} opening the store a location names (tests pass one that fails on purpose). */
    RetrainCommand(Function<String, ArtifactStore> stores) {
        this.stores = stores;
    }

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        ArtifactStore artifacts = stores.apply(store.location());
        RetrainRequests requests = new RetrainRequests(artifacts);
        List<RetrainRequest> pending = requests.pending();
        if (pending.isEmpty()) {
            progress.report("no pending retrain request in " + artifacts.describe());
            return 0;
        }
        progress.report(String.format(Locale.ROOT, "%d pending retrain request(s): %s", pending.size(),
                pending.stream().map(RetrainRequest::id).toList()));
        TextModelRecipe parameters = model.parameters();
        RetrainSplit split = new RetrainSplit(holdout, seed, feedbackHoldout);
        ClientShareCap cap = new ClientShareCap(maxClientShare, minClientRecords);

        progress.report("reading " + data.data);
        Dataset reference = data.read();
        FeedbackReader feedbackReader = new FeedbackReader(artifacts);
        List<FeedbackRecord> records = feedbackReader.records();
        ClientShareCap.Capped capped = cap.apply(records);
        if (capped.leftOutTotal() > 0) {
            progress.report(String.format(Locale.ROOT, "%,d of %,d feedback records left out: no client may contribute "
                    + "more than %,d (%s)", capped.leftOutTotal(), records.size(), cap.limit(records.size()), capped.leftOut()));
        }
        Dataset feedback = feedbackReader.dataset(capped.kept());
        progress.report(String.format(Locale.ROOT, "%,d reference examples, %,d distinct feedback examples",
                reference.size(), feedback.size()));
        RetrainData retrainData = split.split(reference, feedback);

        VersionReader reader = new VersionReader(artifacts);
        Channels channels = new Channels(artifacts, reader);
        Optional<LoadedVersion> current = channels.read(PRODUCTION).map(ChannelPointer::version).map(reader::load);
        String currentVersion = current.map(loaded -> loaded.manifest().version()).orElse(null);
        TextModel currentModel = current.map(loaded -> new TextModelCodec().decode(loaded.files())).orElse(null);
        // Every published version was trained on everything it knew, evaluation set included; what its evaluation twin
        // scored on held-out data (recorded in its manifest) stands in for it.
        ModelComparison.Score currentHeldOut = current
                .map(loaded -> loaded.manifest().metrics())
                .filter(metrics -> metrics.containsKey("accuracy") && metrics.containsKey("macro_f1"))
                .map(metrics -> new ModelComparison.Score(metrics.get("accuracy"), metrics.get("macro_f1")))
                .orElse(null);
        // The reference gate's figure: recorded by every retrained version; a version made by `train` was evaluated on
        // a held-out share of the reference data, so its accuracy is that figure. Without one the gate waits a version.
        Double currentReference = current
                .map(LoadedVersion::manifest)
                .map(manifest -> manifest.metrics().containsKey(ModelComparison.REFERENCE_ACCURACY)
                        ? manifest.metrics().get(ModelComparison.REFERENCE_ACCURACY)
                        : manifest.parent() == null ? manifest.metrics().get("accuracy") : null)
                .orElse(null);
        if (current.isPresent() && currentReference == null) {
            progress.report(currentVersion + " records no accuracy on the reference data: the reference gate is skipped");
        }
        if (currentHeldOut != null) {
            progress.report(String.format(Locale.ROOT, "%s learnt from the evaluation set; its own held-out accuracy "
                    + "(%.4f) stands in for it", currentVersion, currentHeldOut.accuracy()));
        }

        RecipeSearch search = model.search(seed, progress);
        if (search != null) {
            // Chosen on the training part only: the evaluation set stays unseen.
            parameters = search.select(parameters, retrainData.training()).recipe();
        }
        CandidateTraining.Outcome outcome = new CandidateTraining(parameters, tolerance, progress)
                .run(retrainData, currentModel, currentVersion, currentHeldOut, currentReference);
        // Drift is judged for the model that met the feedback: the one in production (else the candidate).
        TextModel monitored = currentModel != null ? currentModel : outcome.candidate().model();
        double monitoredF1 = current.map(loaded -> loaded.manifest().metrics().getOrDefault("macro_f1", Double.NaN))
                .orElse(outcome.candidate().holdoutMetrics().macroF1());
        MonitoringReport monitoring = new FeedbackMonitor().analyse(reference, records, monitored, monitoredF1);
        progress.report(String.format(Locale.ROOT, "feedback monitoring: %s (%d warning(s), %d alert(s))",
                monitoring.overall().word(), monitoring.count(Verdict.WARNING), monitoring.count(Verdict.ALERT)));
        VersionAssembler.Assembly assembly = new VersionAssembler().assemble(outcome.candidate(),
                List.of(reference, feedback), currentVersion, retrainData, outcome.comparison(), monitoring, capped);

        progress.report("publishing to " + artifacts.describe());
        Manifest manifest = new VersionPublisher(artifacts).publish(assembly.draft(), assembly.files());
        String reason = "retrained for request(s) " + pending.stream().map(RetrainRequest::id).toList();
        channels.move(STAGING, manifest.version(), reason);
        if (outcome.comparison().promote()) {
            channels.move(PRODUCTION, manifest.version(), reason + "; " + outcome.comparison().decision());
        }
        progress.report(String.format(Locale.ROOT, "published %s; staging serves it; %s", manifest.version(),
                outcome.comparison().decision()));
        requests.markDone(pending, manifest.version());
        progress.report(pending.size() + " request(s) marked done");
        spec.commandLine().getOut().println(manifest.version());
        return 0;
    }
}
