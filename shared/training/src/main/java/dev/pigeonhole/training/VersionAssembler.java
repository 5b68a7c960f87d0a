package dev.pigeonhole.training;


import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.ConfusionMatrixSvg;
import dev.pigeonhole.evaluation.MarkdownReport;
import dev.pigeonhole.feedback.ClientShareCap;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.monitoring.MonitoringHtmlReport;
import dev.pigeonhole.monitoring.MonitoringMarkdownReport;
import dev.pigeonhole.monitoring.MonitoringReport;
import dev.pigeonhole.monitoring.Verdict;
import dev.pigeonhole.store.DataSource;
import dev.pigeonhole.store.ManifestDraft;
import dev.pigeonhole.store.ReportFiles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a training result into what a version holds: the model files, the evaluation report
 * (Markdown, metrics JSON, confusion matrix SVG) and the manifest draft with its provenance.
 */
public final class VersionAssembler {

    public static final String REPORT_FILE = ReportFiles.REPORT;
    public static final String METRICS_FILE = ReportFiles.METRICS;
    public static final String CONFUSION_MATRIX_FILE = ReportFiles.CONFUSION_MATRIX;
    public static final String MONITORING_FILE = "report.html";

    private final TextModelCodec codec;
    private final ObjectMapper json;

    public VersionAssembler(TextModelCodec codec, ObjectMapper json) {
        this.codec = codec;
        this.json = json;
    }

    public VersionAssembler() {
        this(new TextModelCodec(), ObjectMapper.getDefault());
    }

    /** The files and manifest draft of a version trained with {@code parameters} on {@code sources}. */
    public Assembly assemble(TrainingResult result, List<Dataset> sources, @Nullable String parent) {
        // Trained on reference data alone, its held-out accuracy is its accuracy on the reference data: recorded under
        // that name too, so that the retrain job's reference gate has a figure whatever channel history came before.
        return assemble(result, sources, parent, "Evaluation on held-out data",
                reportContext(result, result.parameters(), sources),
                Map.of(ModelComparison.REFERENCE_ACCURACY, result.holdoutMetrics().accuracy()));
    }

    /**
     * The files and manifest draft of a retrained candidate: its metrics are those on the evaluation set of
     * {@code data}, and the comparison with production (figures and decision) goes into the manifest and the report.
     */
    public Assembly assemble(TrainingResult result, List<Dataset> sources, @Nullable String parent, RetrainData data,
                             ModelComparison comparison, MonitoringReport monitoring) {
        return assemble(result, sources, parent, data, comparison, monitoring, ClientShareCap.Capped.none(List.of()));
    }

    /** As above, with the feedback records the client-share cap left out counted in the manifest and the report. */
    public Assembly assemble(TrainingResult result, List<Dataset> sources, @Nullable String parent, RetrainData data,
                             ModelComparison comparison, MonitoringReport monitoring, ClientShareCap.Capped capped) {
        TextModelRecipe parameters = result.parameters();
        Map<String, Double> figures = new LinkedHashMap<>(comparison.figures());
        figures.put("feedback_left_out_by_client_cap", (double) capped.leftOutTotal());
        figures.put("evaluation_reference_examples", (double) data.referenceEvaluation());
        figures.put("evaluation_feedback_examples", (double) data.feedbackEvaluation());
        figures.put("training_feedback_examples", (double) data.feedbackTraining());
        figures.put("monitoring_warnings", (double) monitoring.count(Verdict.WARNING));
        figures.put("monitoring_alerts", (double) monitoring.count(Verdict.ALERT));
        Map<String, String> context = retrainContext(result, parameters, sources, data, comparison);
        if (capped.leftOutTotal() > 0) {
            context.put("client share cap", capped.leftOutTotal() + " feedback records left out, by client: "
                    + capped.leftOut());
        }
        Assembly assembly = assemble(result, sources, parent,
                "Retrained candidate against the model in production", context, figures);
        Map<String, byte[]> files = new LinkedHashMap<>(assembly.files());
        files.put(REPORT_FILE, (new String(files.get(REPORT_FILE), StandardCharsets.UTF_8) + "\n"
                + MonitoringMarkdownReport.render(monitoring)).getBytes(StandardCharsets.UTF_8));
        files.put(MONITORING_FILE, MonitoringHtmlReport.render("Pigeonhole retrain report", monitoring, context)
                .getBytes(StandardCharsets.UTF_8));
        return new Assembly(assembly.draft(), files);
    }

    private Assembly assemble(TrainingResult result, List<Dataset> sources, @Nullable String parent, String title,
                              Map<String, String> context, Map<String, Double> extraMetrics) {
        TextModelRecipe parameters = result.parameters();
        ClassificationMetrics metrics = result.holdoutMetrics();
        Map<String, byte[]> files = new LinkedHashMap<>(codec.encode(result.model()));
        files.put(REPORT_FILE, MarkdownReport.render(title, metrics, context).getBytes(StandardCharsets.UTF_8));
        try {
            files.put(METRICS_FILE, json.writeValueAsBytes(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(CONFUSION_MATRIX_FILE, ConfusionMatrixSvg.render(metrics.confusionMatrix(),
                "Confusion matrix on " + result.heldOut() + " held-out examples").getBytes(StandardCharsets.UTF_8));

        Map<String, Double> summary = new LinkedHashMap<>(metrics.summary());
        summary.put("temperature", result.temperature());
        summary.put("log_loss_uncalibrated", result.calibration().logLossUncalibrated());
        summary.put("log_loss", result.calibration().logLoss());
        summary.put("calibration_error_uncalibrated", result.calibration().calibrationErrorUncalibrated());
        summary.put("calibration_error", result.calibration().calibrationError());
        summary.put("held_out_examples", (double) result.heldOut());
        summary.put("training_examples", (double) result.trainedOn());
        summary.put("features", (double) result.model().features().dimension());
        summary.put("training_seconds", result.trainingTime().toMillis() / 1000.0);
        if (result.penaltySelection() != null) {
            result.penaltySelection().validationAccuracy().forEach((setting, accuracy) ->
                    summary.put("validation_accuracy_" + setting, accuracy));
        }
        summary.putAll(extraMetrics);
        ManifestDraft draft = new ManifestDraft(parent, parameters.algorithm(), parameters.asMap(),
                LibraryVersions.current(), result.model().labels(),
                sources.stream().map(VersionAssembler::describe).toList(), summary);
        return new Assembly(draft, files);
    }

    private static Map<String, String> retrainContext(TrainingResult result, TextModelRecipe parameters,
                                                      List<Dataset> sources, RetrainData data,
                                                      ModelComparison comparison) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("decision", comparison.decision());
        context.put("candidate", String.format(Locale.ROOT, "accuracy %.4f, macro-F1 %.4f",
                comparison.candidate().accuracy(), comparison.candidate().macroF1()));
        context.put("current model", comparison.current() == null ? "none in production"
                : String.format(Locale.ROOT, "%s: accuracy %.4f, macro-F1 %.4f", comparison.currentVersion(),
                        comparison.current().accuracy(), comparison.current().macroF1()));
        context.put("tolerance", String.format(Locale.ROOT, "%.4f accuracy", comparison.tolerance()));
        context.put("algorithm", parameters.algorithm() + " " + parameters.asMap());
        for (Dataset source : sources) {
            context.put("data: " + source.source(), source.size() + " examples, sha256 " + source.sha256());
        }
        context.put("evaluation", String.format(Locale.ROOT,
                "fixed set of %d examples: %d held out of the reference data, %d held out of the feedback; "
                        + "content sha256 %s", result.heldOut(), data.referenceEvaluation(), data.feedbackEvaluation(),
                data.evaluation().contentSha256()));
        context.put("calibration", calibrationNote(result.calibration(), "evaluation set"));
        context.put("served model", String.format(Locale.ROOT,
                "trained on all %d examples, reference data and feedback (its twin, evaluated above, on the %d outside the "
                        + "evaluation set, %d of them feedback)%s", result.trainedOn(), result.trainedOn() - result.heldOut(),
                data.feedbackTraining(), data.feedbackOutsideLabels() == 0 ? ""
                        : "; " + data.feedbackOutsideLabels() + " feedback with labels outside the reference data left out"));
        return context;
    }

    private static Map<String, String> reportContext(TrainingResult result, TextModelRecipe parameters,
                                                     List<Dataset> sources) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("algorithm", parameters.algorithm() + " " + parameters.asMap());
        if (result.penaltySelection() != null) {
            context.put("hyper-parameters", result.penaltySelection().chosen() + ", chosen on a validation part of the twin's "
                    + "training share; validation accuracy " + result.penaltySelection().describe());
        }
        for (Dataset source : sources) {
            context.put("data: " + source.source(), source.size() + " examples, sha256 " + source.sha256());
        }
        context.put("evaluation", String.format(Locale.ROOT,
                "stratified held-out share: %d examples, model twin trained on the other %d",
                result.heldOut(), result.trainedOn() - result.heldOut()));
        context.put("calibration", calibrationNote(result.calibration(), "held-out share"));
        context.put("served model", "trained on all " + result.trainedOn() + " examples");
        return context;
    }

    private static String calibrationNote(Calibration calibration, String where) {
        return String.format(Locale.ROOT, "temperature %.4f fitted on the %s; log loss %.4f before, %.4f after; "
                        + "expected calibration error %.4f before, %.4f after", calibration.temperature(), where,
                calibration.logLossUncalibrated(), calibration.logLoss(), calibration.calibrationErrorUncalibrated(),
                calibration.calibrationError());
    }

    private static DataSource describe(Dataset dataset) {
        return new DataSource(dataset.source(), dataset.sha256(), dataset.size(), dataset.labelCounts());
    }

    /** A version's files and manifest draft, ready for the publisher. */
    public record Assembly(ManifestDraft draft, Map<String, byte[]> files) {
    }
}
