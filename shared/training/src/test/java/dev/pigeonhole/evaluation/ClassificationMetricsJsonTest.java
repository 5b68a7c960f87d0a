package dev.pigeonhole.evaluation;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassificationMetricsJsonTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void metricsSurviveAJsonRoundTrip() throws IOException {
        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("a", "b", "c"),
                new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
                new int[] {0, 0, 0, 1, 1, 1, 0, 0, 1, 1});

        ClassificationMetrics back = json.readValue(json.writeValueAsString(metrics), ClassificationMetrics.class);

        assertEquals(metrics, back);
        assertArrayEquals(new int[][] {{3, 1, 0}, {1, 2, 0}, {1, 2, 0}}, back.confusionMatrix().counts());
    }

    @Test
    void metricsAreWrittenWithSnakeCaseNamesAndNothingElse() throws IOException {
        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("x", "y"),
                new int[] {0, 1, 1, 1}, new int[] {0, 1, 1, 0});

        assertEquals("{\"accuracy\":0.75,\"balanced_accuracy\":0.8333333333333333,"
                        + "\"macro_precision\":0.75,\"macro_recall\":0.8333333333333333,"
                        + "\"macro_f1\":0.7333333333333334,\"weighted_precision\":0.875,"
                        + "\"weighted_recall\":0.75,\"weighted_f1\":0.7666666666666667,\"count\":4,"
                        + "\"per_class\":["
                        + "{\"label\":\"x\",\"precision\":0.5,\"recall\":1.0,\"f1\":0.6666666666666666,\"support\":1},"
                        + "{\"label\":\"y\",\"precision\":1.0,\"recall\":0.6666666666666666,\"f1\":0.8,\"support\":3}],"
                        + "\"confusion_matrix\":{\"labels\":[\"x\",\"y\"],\"counts\":[[1,0],[1,2]]}}",
                json.writeValueAsString(metrics));
    }

    @Test
    void crossValidationResultSurvivesAJsonRoundTrip() throws IOException {
        ClassificationMetrics pooled = ClassificationMetrics.of(List.of("x", "y"),
                new int[] {0, 1, 1, 1}, new int[] {0, 1, 1, 0});
        CrossValidationResult result = new CrossValidationResult(5, 42L, 0.75, 0.125, 0.7, 0.0625, pooled);

        String written = json.writeValueAsString(result);

        assertEquals(result, json.readValue(written, CrossValidationResult.class));
        assertEquals("{\"folds\":5,\"seed\":42,\"mean_accuracy\":0.75,\"std_accuracy\":0.125,"
                        + "\"mean_macro_f1\":0.7,\"std_macro_f1\":0.0625,\"pooled\":",
                written.substring(0, written.indexOf('{', 1)));
    }
}
