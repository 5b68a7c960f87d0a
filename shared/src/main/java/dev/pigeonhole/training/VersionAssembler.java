package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.evaluation.ClassificationMetrics;
import dev.pigeonhole.evaluation.ConfusionMatrixSvg;
import dev.pigeonhole.evaluation.MarkdownReport;
import dev.pigeonhole.model.LogisticRegressionTrainer;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.store.DataSource;
import dev.pigeonhole.store.ManifestDraft;
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

    public static final String REPORT_FILE = "report.md";
    public static final String METRICS_FILE = "metrics.json";
    public static final String CONFUSION_MATRIX_FILE = "confusion-matrix.svg";

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
    public Assembly assemble(TrainingResult result, TrainingParameters parameters, List<Dataset> sources,
                             @Nullable String parent) {
        ClassificationMetrics metrics = result.holdoutMetrics();
        Map<String, byte[]> files = new LinkedHashMap<>(codec.encode(result.model()));
        files.put(REPORT_FILE, MarkdownReport.render("Evaluation on held-out data", metrics,
                reportContext(result, parameters, sources)).getBytes(StandardCharsets.UTF_8));
        try {
            files.put(METRICS_FILE, json.writeValueAsBytes(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(CONFUSION_MATRIX_FILE, ConfusionMatrixSvg.render(metrics.confusionMatrix(),
                "Confusion matrix on " + result.heldOut() + " held-out examples").getBytes(StandardCharsets.UTF_8));

        Map<String, Double> summary = new LinkedHashMap<>(metrics.summary());
        summary.put("temperature", result.temperature());
        summary.put("held_out_examples", (double) result.heldOut());
        summary.put("training_examples", (double) result.trainedOn());
        summary.put("features", (double) result.model().features().dimension());
        summary.put("training_seconds", result.trainingTime().toMillis() / 1000.0);
        ManifestDraft draft = new ManifestDraft(parent, LogisticRegressionTrainer.ALGORITHM, parameters.asMap(),
                LibraryVersions.current(), result.model().labels(),
                sources.stream().map(VersionAssembler::describe).toList(), summary);
        return new Assembly(draft, files);
    }

    private static Map<String, String> reportContext(TrainingResult result, TrainingParameters parameters,
                                                     List<Dataset> sources) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("algorithm", LogisticRegressionTrainer.ALGORITHM + " " + parameters.asMap());
        for (Dataset source : sources) {
            context.put("data: " + source.source(), source.size() + " examples, sha256 " + source.sha256());
        }
        context.put("evaluation", String.format(Locale.ROOT,
                "stratified held-out share: %d examples, model twin trained on the other %d",
                result.heldOut(), result.trainedOn() - result.heldOut()));
        context.put("calibration", String.format(Locale.ROOT, "temperature %.4f fitted on the held-out share",
                result.temperature()));
        context.put("served model", "trained on all " + result.trainedOn() + " examples");
        return context;
    }

    private static DataSource describe(Dataset dataset) {
        return new DataSource(dataset.source(), dataset.sha256(), dataset.size(), dataset.labelCounts());
    }

    /** A version's files and manifest draft, ready for the publisher. */
    public record Assembly(ManifestDraft draft, Map<String, byte[]> files) {
    }
}
