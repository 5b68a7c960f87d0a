package dev.pigeonhole.training.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pigeonhole.model.tabular.TabularClassifier;
import dev.pigeonhole.model.tabular.TabularModel;
import dev.pigeonhole.model.tabular.TabularModelCodec;
import dev.pigeonhole.model.tabular.TreeEnsemble;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;

/** The plain arrays a model is served from answer exactly what the library that trained it answers. */
class RandomForestTrainerTest {

    private static final TabularDataset IRIS = new TabularDatasetReader("species").read(Path.of("../../data/iris/iris.csv"));

    @Test
    void theExportedForestGivesSmilesOwnProbabilitiesForEveryRow() {
        double[][] x = IRIS.matrix();
        int[] y = IRIS.labelIndices(IRIS.labels());
        RandomForestTrainer trainer = new RandomForestTrainer(30, 20, 1, 3);
        RandomForest smile = trainer.fitSmile(x, y);
        TreeEnsemble exported = RandomForestTrainer.export(smile, 3, 4);
        DataFrame frame = DataFrame.of(x, "x0", "x1", "x2", "x3");

        for (int i = 0; i < x.length; i++) {
            double[] expected = new double[3];
            smile.predict(frame.get(i), expected);
            double total = expected[0] + expected[1] + expected[2];
            double[] actual = exported.probabilities(x[i]);
            for (int c = 0; c < 3; c++) {
                // Leaves are stored as float32.
                assertEquals(expected[c] / total, actual[c], 1e-6, "row " + i);
            }
        }
    }

    @Test
    void theExportedLogisticRegressionGivesSmilesOwnProbabilities() {
        double[][] x = IRIS.matrix();
        int[] y = IRIS.labelIndices(IRIS.labels());
        TabularClassifier exported = new LogisticRegressionTabularTrainer(0.01, 500).fit(x, y, 3);
        double[][] z = standardised(x);
        LogisticRegression smile = LogisticRegression.multinomial(z, y, 0.01, 1e-5, 500);

        for (int i = 0; i < x.length; i += 7) {
            double[] expected = new double[3];
            smile.predict(z[i], expected);
            assertArrayEquals(expected, exported.probabilities(x[i]), 1e-9, "row " + i);
        }
    }

    @Test
    void aForestSurvivesItsPlainFilesUnchanged() {
        TabularTrainingResult result = new TabularTraining(List.of(new RandomForestTrainer(10, 8, 1, 5)), 0.2, 5,
                message -> { }).run(IRIS);
        TabularModelCodec codec = new TabularModelCodec();
        Map<String, byte[]> files = codec.encode(result.model());
        TabularModel decoded = codec.decode(files);

        assertEquals(List.of("model.json", "trees.bin"), files.keySet().stream().sorted().toList());
        assertEquals(result.model().featureNames(), decoded.featureNames());
        assertEquals(List.of(((TreeEnsemble) result.model().classifier()).trees()),
                List.of(((TreeEnsemble) decoded.classifier()).trees()));
        for (double[] row : IRIS.matrix()) {
            assertArrayEquals(result.model().classifier().probabilities(row), decoded.classifier().probabilities(row));
        }
    }

    private static double[][] standardised(double[][] x) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        double[][] z = new double[x.length][p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (x[i][j] - mean[j]) / Math.sqrt(sd[j]);
            }
        }
        return z;
    }
}
