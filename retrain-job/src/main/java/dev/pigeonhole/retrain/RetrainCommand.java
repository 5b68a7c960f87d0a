package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.feedback.ClientShareCap;
import dev.pigeonhole.feedback.FeedbackCompactor;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.FeedbackSegments;
import dev.pigeonhole.feedback.FeedbackSnapshot;
import dev.pigeonhole.feedback.RetrainLease;
import dev.pigeonhole.feedback.RetrainRequest;
import dev.pigeonhole.feedback.RetrainRequestReconciler;
import dev.pigeonhole.feedback.RetrainRequests;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.monitoring.FeedbackMonitor;
import dev.pigeonhole.monitoring.MonitoringReport;
import dev.pigeonhole.monitoring.Verdict;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.ChannelRevision;
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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code retrain}: first creates the retrain requests the functions' best-effort counter missed (one per k stored
 * records, {@link RetrainRequestReconciler}), then serves the pending ones with one new version trained on the
 * reference data plus all feedback (read from segments and the records no segment holds yet, which it then compacts), moves {@code staging} to it, and moves {@code production} only if it is not worse than the model there.
 * Requests are marked done last, so a crash before leaves them pending for the next run. Runs never overlap: each
 * holds the store's retrain lease ({@link RetrainLease}) and one that finds it taken exits at once, saying by whom; and
 * production moves only if it still serves what the run compared against (a promote or rollback meanwhile wins).
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
            description = "Largest share of the kept feedback records one client (API key) may hold, however many it "
                    + "sends; the rest of its records, oldest kept first, is left out and counted in the manifest and "
                    + "report (default: ${DEFAULT-VALUE}; 1 turns the cap off).")
    double maxClientShare;

    @Option(names = "--min-client-records", defaultValue = "20",
            description = "Records every client may contribute whatever its share, so that a deployment with few "
                    + "clients still learns from them (default: ${DEFAULT-VALUE}).")
    int minClientRecords;

    @Option(names = "--lease-minutes", defaultValue = "120",
            description = "How long this run holds the retrain lease that keeps runs from overlapping; longer than "
                    + "any run takes (the Azure job stops one after 60), so that only a dead run's lease expires "
                    + "(default: ${DEFAULT-VALUE}).")
    long leaseMinutes;

    @Option(names = "--retrain-every", defaultValue = "${env:PIGEONHOLE_RETRAIN_EVERY:-100}",
            description = "k, feedbacks per retrain request, as the feedback function has it (PIGEONHOLE_RETRAIN_EVERY): "
                    + "each run first creates the requests the functions' counter missed, so that one exists per k "
                    + "stored feedbacks (default: ${DEFAULT-VALUE}).")
    int retrainEvery;

    @Option(names = "--segment-min-records", defaultValue = "1000",
            description = "Feedback records read one by one that a run copies into a new segment once there are at "
                    + "least this many (default: ${DEFAULT-VALUE}).")
    int segmentMinRecords;

    @Option(names = "--segment-max-records", defaultValue = "50000",
            description = "The most records one feedback segment holds (default: ${DEFAULT-VALUE}).")
    int segmentMaxRecords;

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
        // Safe without the lease: requests are created only if absent, so runs racing here make each one once.
        RetrainRequestReconciler.Reconciled reconciled =
                new RetrainRequestReconciler(artifacts, requests, retrainEvery).reconcile();
        if (!reconciled.created().isEmpty()) {
            progress.report(String.format(Locale.ROOT, "%,d feedback records stored: created the retrain request(s) "
                    + "the functions' counter missed, for counts %s", reconciled.records(), reconciled.created()));
        }
        List<RetrainRequest> pending = requests.pending();
        if (pending.isEmpty()) {
            progress.report("no pending retrain request in " + artifacts.describe());
            return 0;
        }
        RetrainLease lease = new RetrainLease(artifacts, Clock.systemUTC());
        RetrainLease.Attempt attempt = lease.acquire(owner(), Duration.ofMinutes(leaseMinutes));
        if (!attempt.acquired()) {
            RetrainLease.Holder holder = attempt.holder().orElseThrow();
            progress.report(String.format(Locale.ROOT, "another retrain run (%s, since %s) holds the lease until %s: "
                    + "exiting; it, or the next run, serves the %d pending request(s)", holder.owner(),
                    holder.acquiredAt(), holder.expiresAt(), pending.size()));
            return 0;
        }
        try {
            return retrain(artifacts, requests, progress);
        } finally {
            if (!lease.release(attempt.held().orElseThrow())) {
                progress.report("the retrain lease had expired and was taken over before this run gave it back");
            }
        }
    }

    /** One run, holding the lease. */
    private Integer retrain(ArtifactStore artifacts, RetrainRequests requests, ConsoleProgress progress) {
        // Read again under the lease: a run that held it before may have served some.
        List<RetrainRequest> pending = requests.pending();
        if (pending.isEmpty()) {
            progress.report("the pending retrain requests were served by another run");
            return 0;
        }
        progress.report(String.format(Locale.ROOT, "%d pending retrain request(s): %s", pending.size(),
                pending.stream().map(RetrainRequest::id).toList()));
        if (data.tabular()) {
            progress.report("reading " + data.data);
            return new TabularRetrainRun(progress, spec.commandLine().getOut()).run(artifacts, requests, pending,
                    data.readTabular(), new TabularRetrainRun.Settings(holdout, seed, feedbackHoldout, tolerance,
                            new ClientShareCap(maxClientShare, minClientRecords)));
        }
        TextModelRecipe parameters = model.parameters();
        RetrainSplit split = new RetrainSplit(holdout, seed, feedbackHoldout);
        ClientShareCap cap = new ClientShareCap(maxClientShare, minClientRecords);

        progress.report("reading " + data.data);
        Dataset reference = data.read();
        FeedbackReader feedbackReader = new FeedbackReader(artifacts);
        long readStart = System.nanoTime();
        FeedbackSnapshot snapshot = feedbackReader.snapshot();
        List<FeedbackRecord> records = snapshot.records();
        progress.report(String.format(Locale.ROOT, "%,d feedback records read in %.1f s: %d segment(s), %,d record(s) "
                + "one by one", records.size(), (System.nanoTime() - readStart) / 1e9, snapshot.segmentsRead(),
                snapshot.unsegmented().size()));
        // Before training, so that a run that dies training still leaves the next one less to read.
        List<String> segments = new FeedbackCompactor(new FeedbackSegments(artifacts), segmentMinRecords,
                segmentMaxRecords).compact(snapshot);
        if (!segments.isEmpty()) {
            progress.report("compacted the records read one by one into " + segments);
        }
        ClientShareCap.Capped capped = cap.apply(records);
        if (capped.leftOutTotal() > 0) {
            progress.report(String.format(Locale.ROOT, "%,d of %,d feedback records left out: no client may contribute "
                    + "more than %,d (%s)", capped.leftOutTotal(), records.size(), capped.limit(), capped.leftOut()));
        }
        Dataset feedback = feedbackReader.dataset(capped.kept());
        progress.report(String.format(Locale.ROOT, "%,d reference examples, %,d distinct feedback examples",
                reference.size(), feedback.size()));
        RetrainData retrainData = split.split(reference, feedback);

        VersionReader reader = new VersionReader(artifacts);
        Channels channels = new Channels(artifacts, reader);
        // The production move at the end is conditional on this revision: it compares against what production served here.
        Optional<ChannelRevision> productionAsRead = channels.revision(PRODUCTION);
        Optional<LoadedVersion> current = productionAsRead.map(revision -> revision.pointer().version()).map(reader::load);
        String currentVersion = current.map(loaded -> loaded.manifest().version()).orElse(null);
        TextModel currentModel = current.map(loaded -> new TextModelCodec().decode(loaded.files())).orElse(null);
        // Every published version was trained on everything it knew, evaluation set included; what its evaluation twin
        // scored on held-out data (recorded in its manifest) stands in for it.
        ModelComparison.Score currentHeldOut = current
                .map(loaded -> loaded.manifest().metrics())
                .filter(metrics -> metrics.containsKey("accuracy") && metrics.containsKey("macro_f1"))
                .map(metrics -> new ModelComparison.Score(metrics.get("accuracy"), metrics.get("macro_f1")))
                .orElse(null);
        // The reference gate's figure: recorded by every version; versions made by `train` before it recorded one were
        // evaluated on a held-out share of the reference data, so a first one's accuracy is that figure.
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
        String decision = outcome.comparison().decision();
        if (outcome.comparison().promote() && channels.moveIfUnchanged(PRODUCTION, productionAsRead, manifest.version(),
                reason + "; " + decision).isEmpty()) {
            decision = "not promoted: production moved while this run trained (from " + (currentVersion == null
                    ? "no version" : currentVersion) + " to " + channels.read(PRODUCTION).map(ChannelPointer::version)
                    .orElse("none") + "), and the comparison was made against what it served before";
        }
        progress.report(String.format(Locale.ROOT, "published %s; staging serves it; %s", manifest.version(), decision));
        requests.markDone(pending, manifest.version());
        progress.report(pending.size() + " request(s) marked done");
        spec.commandLine().getOut().println(manifest.version());
        return 0;
    }

    /** Who holds the lease, for the message a run that finds it taken prints: the host (container) and the process. */
    private static String owner() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        return (host.isEmpty() ? "" : host + "/") + "pid " + ProcessHandle.current().pid();
    }
}
