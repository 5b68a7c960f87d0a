package dev.pigeonhole.contract;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import dev.pigeonhole.training.Progress;
import dev.pigeonhole.training.VersionAssembler;
import dev.pigeonhole.training.tabular.LabeledRow;
import dev.pigeonhole.training.tabular.RandomForestTrainer;
import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.training.tabular.TabularTraining;
import dev.pigeonhole.training.tabular.TabularVersionAssembler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small random forest over Iris-like measurements (three species, four features), trained, published and put on
 * the production channel of a test store, as {@code ./pigeonhole train} does for a tabular data set.
 */
public final class TabularModelFixture {

    public static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    public static final List<String> LABELS = List.of("setosa", "versicolor", "virginica");

    /** A typical flower of each species, classified as that species by the fixture model. */
    public static final Map<String, Map<String, Object>> TYPICAL = Map.of(
            "setosa", row(5.0, 3.4, 1.5, 0.2),
            "versicolor", row(5.9, 2.8, 4.3, 1.3),
            "virginica", row(6.6, 3.0, 5.6, 2.1));

    // Per species: the centre of its measurements; rows are spread around it deterministically.
    private static final double[][] CENTRES = {{5.0, 3.4, 1.5, 0.25}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.6, 2.0}};

    private TabularModelFixture() {
    }

    /** The row of the four measurements by name. */
    public static Map<String, Object> row(double sepalLength, double sepalWidth, double petalLength, double petalWidth) {
        return Map.of("sepal_length", sepalLength, "sepal_width", sepalWidth, "petal_length", petalLength,
                "petal_width", petalWidth);
    }

    /** 20 rows of each species. */
    public static TabularDataset dataset() {
        List<LabeledRow> rows = new ArrayList<>();
        for (int c = 0; c < CENTRES.length; c++) {
            for (int i = 0; i < 20; i++) {
                double[] values = new double[4];
                for (int j = 0; j < 4; j++) {
                    // A fixed spread of +-0.2 (petal width +-0.1) that keeps the species apart.
                    double step = ((i * 7 + j * 3) % 9 - 4) / 20.0;
                    values[j] = Math.round((CENTRES[c][j] + (j == 3 ? step / 2 : step)) * 100) / 100.0;
                }
                rows.add(new LabeledRow(values, LABELS.get(c)));
            }
        }
        return new TabularDataset("iris-like.csv", "cd".repeat(32), FEATURES, rows);
    }

    /** Publishes the model into the store at {@code dir} on channel production and returns its version. */
    public static String publish(Path dir) {
        ArtifactStore store = new LocalArtifactStore(dir);
        TabularDataset data = dataset();
        var result = new TabularTraining(List.of(new RandomForestTrainer(25, 10, 1, 7)), 0.2, 7, Progress.SILENT)
                .run(data);
        VersionAssembler.Assembly assembly = new TabularVersionAssembler().assemble(result, List.of(data), null);
        String version = new VersionPublisher(store).publish(assembly.draft(), assembly.files()).version();
        new Channels(store, new VersionReader(store)).move("production", version, "test");
        return version;
    }
}
