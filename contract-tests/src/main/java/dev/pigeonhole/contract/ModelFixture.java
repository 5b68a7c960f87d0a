package dev.pigeonhole.contract;

import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelTrainer;
import dev.pigeonhole.model.TinyCorpus;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.DataSource;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.ManifestDraft;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small three-topic model trained, published and put on the production channel of a test store. */
public final class ModelFixture {

    /** The corpus the fixture model is trained on: {@link TinyCorpus}, shared with the model tests. */
    public static final List<String> LABELS = TinyCorpus.LABELS;

    public static final List<String> TEXTS = TinyCorpus.TEXTS;

    public static final int[] Y = TinyCorpus.Y;

    /** The evaluation report the fixture version carries: metrics and confusion matrix, no report.md. */
    public static final String METRICS_JSON = "{\"accuracy\":1.0,\"macro_f1\":1.0}";
    public static final String CONFUSION_MATRIX_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<title>Confusion matrix</title></svg>";

    private ModelFixture() {
    }

    /** Publishes the model into the store at {@code dir} on channel production and returns its version. */
    public static String publish(Path dir) {
        String version = publishVersion(dir);
        ArtifactStore store = new LocalArtifactStore(dir);
        new Channels(store, new VersionReader(store)).move("production", version, "test");
        return version;
    }

    /** Publishes the model into the store at {@code dir} without moving any channel and returns its version. */
    public static String publishVersion(Path dir) {
        ArtifactStore store = new LocalArtifactStore(dir);
        TrainingParameters parameters = new TrainingParameters(1, 2, 1, 0.1, 1e-6, 300);
        TextModel model = new TextModelTrainer(parameters).train(TEXTS, Y, LABELS);
        ManifestDraft draft = new ManifestDraft(null, "logistic-regression", parameters.asMap(),
                Map.of("java", "17"), LABELS,
                List.of(new DataSource("tiny", "ab".repeat(32), TEXTS.size(),
                        Map.of("Science", 4L, "Sport", 4L, "Informatique", 4L))),
                Map.of("accuracy", 1.0));
        Map<String, byte[]> files = new HashMap<>(new TextModelCodec().encode(model));
        files.put("metrics.json", METRICS_JSON.getBytes(UTF_8));
        files.put("confusion-matrix.svg", CONFUSION_MATRIX_SVG.getBytes(UTF_8));
        return new VersionPublisher(store).publish(draft, files).version();
    }
}
