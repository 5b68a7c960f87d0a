package dev.pigeonhole.training.tabular;

import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.ConfusionMatrixSvg;
import dev.pigeonhole.evaluation.MarkdownReport;
import dev.pigeonhole.model.tabular.TabularModelCodec;
import dev.pigeonhole.store.DataSource;
import dev.pigeonhole.store.ManifestDraft;
import dev.pigeonhole.training.LibraryVersions;
import dev.pigeonhole.training.ModelComparison;
import dev.pigeonhole.training.VersionAssembler;
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
 * Turns a tabular training result into what a version holds: the model's plain files, the evaluation report
 * (Markdown, metrics JSON, confusion matrix SVG, as for text models) and the manifest draft, whose features list the
 * model's features in order with their training ranges and distributions.
 */
public final class TabularVersionAssembler {

    private final TabularModelCodec codec;
    private final ObjectMapper json;

    public TabularVersionAssembler() {
        this(new TabularModelCodec(), ObjectMapper.getDefault());
    }

    public TabularVersionAssembler(TabularModelCodec codec, ObjectMapper json) {
        this.codec = codec;
        this.json = json;
    }

    /** The files and manifest draft of a version trained by {@code train} on {@code sources}. */
    public VersionAssembler.Assembly assemble(TabularTrainingResult result, List<TabularDataset> sources,
                                              @Nullable String parent) {
        Map<String, String> context = context(result, sources);
        context.put("evaluation", String.format(Locale.ROOT,
                "stratified held-out share: %d rows, model twin trained on the other %d", result.heldOut(),
                result.trainedOn() - result.heldOut()));
        context.put("served model", "trained on all " + result.trainedOn() + " rows");
        return assemble(result, sources, parent, "Evaluation on held-out data", context,
                Map.of(ModelComparison.REFERENCE_ACCURACY, result.holdoutMetrics().accuracy()));
    }

    /** The files and manifest draft with the given report title, context lines and extra metrics. */
    public VersionAssembler.Assembly assemble(TabularTrainingResult result, List<TabularDataset> sources,
                                              @Nullable String parent, String title, Map<String, String> context,
                                              Map<String, Double> extraMetrics) {
        ClassificationMetrics metrics = result.holdoutMetrics();
        Map<String, byte[]> files = new LinkedHashMap<>(codec.encode(result.model()));
        files.put(VersionAssembler.REPORT_FILE, MarkdownReport.render(title, metrics, context)
                .getBytes(StandardCharsets.UTF_8));
        try {
            files.put(VersionAssembler.METRICS_FILE, json.writeValueAsBytes(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(VersionAssembler.CONFUSION_MATRIX_FILE, ConfusionMatrixSvg.render(metrics.confusionMatrix(),
                "Confusion matrix on " + result.heldOut() + " held-out rows").getBytes(StandardCharsets.UTF_8));

        Map<String, Double> summary = new LinkedHashMap<>(metrics.summary());
        summary.put("held_out_examples", (double) result.heldOut());
        summary.put("training_examples", (double) result.trainedOn());
        summary.put("features", (double) result.model().featureNames().size());
        summary.put("training_seconds", result.trainingTime().toMillis() / 1000.0);
        for (TabularTraining.CandidateScore score : result.candidates()) {
            summary.put("cv_accuracy_" + score.name(), score.accuracy());
            summary.put("cv_macro_f1_" + score.name(), score.macroF1());
        }
        summary.putAll(extraMetrics);
        Map<String, String> parameters = new LinkedHashMap<>(result.trainer().parameters());
        parameters.put("kind", "tabular");
        parameters.put("chosen_by", result.chosen().folds() + "-fold stratified cross-validation among "
                + result.candidates().stream().map(TabularTraining.CandidateScore::name).toList());
        ManifestDraft draft = new ManifestDraft(parent, result.trainer().algorithm(), parameters,
                LibraryVersions.current(), result.model().labels(),
                sources.stream().map(TabularVersionAssembler::describe).toList(), summary, result.model().features());
        return new VersionAssembler.Assembly(draft, files);
    }

    static Map<String, String> context(TabularTrainingResult result, List<TabularDataset> sources) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("algorithm", result.trainer().algorithm() + " " + result.trainer().parameters());
        StringBuilder cv = new StringBuilder();
        for (TabularTraining.CandidateScore score : result.candidates()) {
            cv.append(cv.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s accuracy %.4f, macro-F1 %.4f",
                    score.name(), score.accuracy(), score.macroF1()));
        }
        context.put("candidates", result.chosen().folds() + "-fold stratified cross-validation on the training share: " + cv);
        context.put("features", result.model().featureNames().size() + ": " + String.join(", ",
                result.model().featureNames()));
        for (TabularDataset source : sources) {
            context.put("data: " + source.source(), source.size() + " rows, sha256 " + source.sha256());
        }
        return context;
    }

    static DataSource describe(TabularDataset dataset) {
        return new DataSource(dataset.source(), dataset.sha256(), dataset.size(), dataset.labelCounts());
    }
}
