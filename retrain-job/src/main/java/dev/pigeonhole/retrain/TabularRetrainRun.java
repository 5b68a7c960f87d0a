package dev.pigeonhole.retrain;

import dev.pigeonhole.feedback.ClientShareCap;
import dev.pigeonhole.feedback.FeedbackReader;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.feedback.RetrainRequest;
import dev.pigeonhole.feedback.RetrainRequests;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.model.tabular.TabularModelCodec;
import dev.pigeonhole.monitoring.MonitoringHtmlReport;
import dev.pigeonhole.monitoring.MonitoringMarkdownReport;
import dev.pigeonhole.monitoring.MonitoringReport;
import dev.pigeonhole.monitoring.TabularFeedbackMonitor;
import dev.pigeonhole.monitoring.Verdict;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.ChannelRevision;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LoadedVersion;
import dev.pigeonhole.store.Manifest;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import dev.pigeonhole.training.ModelComparison;
import dev.pigeonhole.training.Progress;
import dev.pigeonhole.training.VersionAssembler;
import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.training.tabular.TabularRetrainData;
import dev.pigeonhole.training.tabular.TabularTraining;
import dev.pigeonhole.training.tabular.TabularTrainingResult;
import dev.pigeonhole.training.tabular.TabularVersionAssembler;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code retrain} for a tabular model: the reference rows plus the feedback rows (capped per client), the fixed
 * evaluation set, the candidate chosen by cross-validation on the training part, the same quality gate as for text
 * (not worse than production overall, nor on the reference part, by more than the tolerance), the monitoring report
 * per feature, then publish, staging, and production when the gate passes.
 */
final class TabularRetrainRun {

    private final Progress progress;
    private final PrintWriter out;

    TabularRetrainRun(Progress progress, PrintWriter out) {
        this.progress = progress;
        this.out = out;
    }

    /** The settings the retrain command was given. */
    record Settings(double holdout, long seed, double feedbackHoldout, double tolerance, ClientShareCap cap) {
    }

    int run(ArtifactStore artifacts, RetrainRequests requests, List<RetrainRequest> pending, TabularDataset reference,
            Settings settings) {
        FeedbackReader feedbackReader = new FeedbackReader(artifacts);
        List<FeedbackRecord> records = feedbackReader.records();
        ClientShareCap.Capped capped = settings.cap().apply(records);
        if (capped.leftOutTotal() > 0) {
            progress.report(String.format(Locale.ROOT, "%,d of %,d feedback records left out: no client may contribute "
                    + "more than %,d (%s)", capped.leftOutTotal(), records.size(), capped.limit(), capped.leftOut()));
        }
        TabularRetrainData data = TabularRetrainData.split(reference, capped.kept(), settings.holdout(), settings.seed(),
                settings.feedbackHoldout(), artifacts.describe() + "/feedback/records/");
        List<String> labels = reference.labels();
        progress.report(String.format(Locale.ROOT, "%,d reference rows, %,d distinct feedback rows (%d records left out: "
                + "no features, other features or an unknown label)", reference.size(), data.feedback().size(), data.leftOut()));

        VersionReader reader = new VersionReader(artifacts);
        Channels channels = new Channels(artifacts, reader);
        Optional<ChannelRevision> productionAsRead = channels.revision(RetrainCommand.PRODUCTION);
        Optional<LoadedVersion> current = productionAsRead.map(revision -> revision.pointer().version()).map(reader::load);
        String currentVersion = current.map(loaded -> loaded.manifest().version()).orElse(null);
        TabularModelCodec codec = new TabularModelCodec();
        if (current.isPresent() && !codec.handles(current.get().files())) {
            throw new IllegalArgumentException("production serves " + currentVersion + ", a text model; retrain it with "
                    + "its text data (--kind text), or train a tabular model on another channel or store");
        }
        TabularModel currentModel = current.map(loaded -> codec.decode(loaded.files())).orElse(null);
        if (currentModel != null && !currentModel.featureNames().equals(reference.featureNames())) {
            throw new IllegalArgumentException("production's model reads features " + currentModel.featureNames()
                    + " but the reference data has " + reference.featureNames());
        }
        ModelComparison.Score currentHeldOut = current.map(loaded -> loaded.manifest().metrics())
                .filter(m -> m.containsKey("accuracy") && m.containsKey("macro_f1"))
                .map(m -> new ModelComparison.Score(m.get("accuracy"), m.get("macro_f1"))).orElse(null);
        Double currentReference = current.map(loaded -> loaded.manifest().metrics().get(ModelComparison.REFERENCE_ACCURACY))
                .orElse(null);

        TabularTraining.Evaluated evaluated = new TabularTraining(TabularTraining.defaultCandidates(settings.seed()),
                settings.holdout(), settings.seed(), progress).runWithEvaluation(data.training(), data.evaluation(), labels);
        TabularTrainingResult result = evaluated.result();
        double candidateReference = TabularTraining.accuracy(evaluated.twin(), data.referenceEvaluation(), labels);
        ModelComparison comparison = new ModelComparison(ModelComparison.Score.of(result.holdoutMetrics()), currentHeldOut,
                currentHeldOut == null ? null : currentVersion, settings.tolerance(), candidateReference, currentReference);
        progress.report(comparison.decision());

        double monitoredF1 = current.map(loaded -> loaded.manifest().metrics().getOrDefault("macro_f1", Double.NaN))
                .orElse(result.holdoutMetrics().macroF1());
        MonitoringReport monitoring = new TabularFeedbackMonitor().analyse(reference, records, labels, monitoredF1);
        progress.report(String.format(Locale.ROOT, "feedback monitoring: %s (%d warning(s), %d alert(s))",
                monitoring.overall().word(), monitoring.count(Verdict.WARNING), monitoring.count(Verdict.ALERT)));

        Map<String, String> context = new LinkedHashMap<>();
        context.put("decision", comparison.decision());
        context.put("evaluation", String.format(Locale.ROOT, "fixed set of %d rows: %d held out of the reference data, "
                        + "%d held out of the feedback; content sha256 %s", data.evaluation().size(),
                data.referenceEvaluation().size(), data.feedbackEvaluation(), data.evaluation().contentSha256()));
        context.put("served model", String.format(Locale.ROOT, "trained on all %d rows, reference data and feedback "
                + "(its twin, evaluated above, on the %d outside the evaluation set, %d of them feedback)",
                result.trainedOn(), data.training().size(), data.feedbackTraining()));
        if (capped.leftOutTotal() > 0) {
            context.put("client share cap", capped.leftOutTotal() + " feedback records left out, by client: "
                    + capped.leftOut());
        }
        Map<String, Double> figures = new LinkedHashMap<>(comparison.figures());
        figures.put("feedback_left_out_by_client_cap", (double) capped.leftOutTotal());
        figures.put("feedback_left_out_unusable", (double) data.leftOut());
        figures.put("evaluation_reference_examples", (double) data.referenceEvaluation().size());
        figures.put("evaluation_feedback_examples", (double) data.feedbackEvaluation());
        figures.put("training_feedback_examples", (double) data.feedbackTraining());
        figures.put("monitoring_warnings", (double) monitoring.count(Verdict.WARNING));
        figures.put("monitoring_alerts", (double) monitoring.count(Verdict.ALERT));
        VersionAssembler.Assembly assembly = new TabularVersionAssembler().assemble(result,
                List.of(reference, data.feedback()), currentVersion, "Retrained candidate against the model in production",
                context, figures);
        Map<String, byte[]> files = new LinkedHashMap<>(assembly.files());
        files.put(VersionAssembler.REPORT_FILE, (new String(files.get(VersionAssembler.REPORT_FILE), StandardCharsets.UTF_8)
                + "\n" + MonitoringMarkdownReport.render(monitoring)).getBytes(StandardCharsets.UTF_8));
        files.put(VersionAssembler.MONITORING_FILE, MonitoringHtmlReport.render("Pigeonhole retrain report", monitoring,
                context).getBytes(StandardCharsets.UTF_8));

        progress.report("publishing to " + artifacts.describe());
        Manifest manifest = new VersionPublisher(artifacts).publish(assembly.draft(), files);
        String reason = "retrained for request(s) " + pending.stream().map(RetrainRequest::id).toList();
        channels.move(RetrainCommand.STAGING, manifest.version(), reason);
        String decision = comparison.decision();
        if (comparison.promote() && channels.moveIfUnchanged(RetrainCommand.PRODUCTION, productionAsRead,
                manifest.version(), reason + "; " + decision).isEmpty()) {
            decision = "not promoted: production moved while this run trained (to " + channels.read(
                    RetrainCommand.PRODUCTION).map(ChannelPointer::version).orElse("none") + ")";
        }
        progress.report(String.format(Locale.ROOT, "published %s; staging serves it; %s", manifest.version(), decision));
        requests.markDone(pending, manifest.version());
        progress.report(pending.size() + " request(s) marked done");
        out.println(manifest.version());
        return 0;
    }
}
