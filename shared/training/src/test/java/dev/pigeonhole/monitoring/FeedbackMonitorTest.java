package dev.pigeonhole.monitoring;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.LabeledText;
import dev.pigeonhole.feedback.FeedbackRecord;
import dev.pigeonhole.model.HashedSvmRecipe;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelTrainer;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.text.HashedFeatureSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackMonitorTest {

    private static final Dataset REFERENCE = new Dataset("ref", "0", List.of(
            new LabeledText("rocket orbit space probe", "Science"),
            new LabeledText("planet telescope orbit", "Science"),
            new LabeledText("hockey team game goal", "Sport"),
            new LabeledText("baseball team game pitcher", "Sport")));

    private static final TextModel MODEL = new TextModelTrainer(new TrainingParameters(1, 1, 1, 0.1, 1e-6, 200))
            .train(REFERENCE.texts(), REFERENCE.labelIndices(List.of("Science", "Sport")), List.of("Science", "Sport"));

    private static FeedbackRecord feedback(String text, String predicted, String truth) {
        return new FeedbackRecord("id-" + text.hashCode(), "2026-11-22T00:00:00Z", text, predicted, truth, "v1", null);
    }

    private final FeedbackMonitor monitor = new FeedbackMonitor();

    @Test
    void noFeedbackGivesNoChecks() {
        MonitoringReport report = monitor.analyse(REFERENCE, List.of(), MODEL, 0.9);
        assertEquals(0, report.feedbackCount());
        assertNull(report.feedbackMetrics());
        assertEquals(Verdict.OK, report.overall());
    }

    @Test
    void feedbackLikeTheReferenceIsStableAndFullyKnown() {
        MonitoringReport report = monitor.analyse(REFERENCE, List.of(
                feedback("rocket orbit planet", "Science", "Science"),
                feedback("hockey game goal", "Sport", "Sport")), MODEL, 1.0);
        assertEquals(List.of("label distribution", "predicted class distribution", "text length (words)",
                "out-of-vocabulary rate", "quality on feedback"), report.checks().stream().map(DriftCheck::name).toList());
        assertEquals(0.0, report.checks().get(0).value(), 1e-12);
        assertEquals(0.0, report.checks().get(3).value(), 1e-12);
        assertEquals(1.0, report.feedbackMetrics().accuracy());
        assertEquals(Verdict.OK, report.checks().get(4).verdict());
    }

    @Test
    void unknownWordsAndWrongAnswersRaiseAlerts() {
        MonitoringReport report = monitor.analyse(REFERENCE, List.of(
                feedback("quantum qubit entanglement orbit", "Sport", "Science"),
                feedback("qubit decoherence lab", "Sport", "Science")), MODEL, 0.95);
        DriftCheck vocabulary = report.checks().get(3);
        // 6 of the 7 feedback words are unknown (only "orbit" is known); every reference word is known
        assertEquals(6 / 7.0, vocabulary.value(), 1e-12);
        assertEquals(Verdict.ALERT, vocabulary.verdict());
        assertEquals(Map.of("Science", 2L), report.checks().get(0).current());
        assertEquals(Verdict.ALERT, report.checks().get(0).verdict());
        assertEquals(0.0, report.feedbackMetrics().accuracy());
        assertEquals(Verdict.ALERT, report.overall());
    }

    @Test
    void aHashedModelOfFormatTwoIsMonitoredAlike() {
        TextModel hashed = new HashedSvmRecipe(HashedFeatureSpec.words(16), 1, 1, 1e-4)
                .train(REFERENCE.texts(), REFERENCE.labelIndices(List.of("Science", "Sport")), List.of("Science", "Sport"));
        MonitoringReport report = monitor.analyse(REFERENCE, List.of(
                feedback("quantum qubit entanglement orbit", "Sport", "Science"),
                feedback("qubit decoherence lab", "Sport", "Science")), hashed, 0.95);
        // the same 6 of 7 unknown words: a word is known when its bucket is a feature
        assertEquals(6 / 7.0, report.checks().get(3).value(), 1e-12);
        assertEquals(Verdict.ALERT, report.overall());
    }

    @Test
    void htmlReportIsSelfContainedWithChartsAndTheConfusionMatrix() {
        MonitoringReport report = monitor.analyse(REFERENCE, List.of(
                feedback("rocket <b>orbit</b>", "Science", "Sport")), MODEL, 0.9);
        String html = MonitoringHtmlReport.render("Monitoring v1", report, Map.of("version", "v1"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(4, html.split("<svg ", -1).length - 1, "three distribution charts and the confusion matrix");
        assertFalse(html.contains("<script"));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no external resource");
        assertFalse(html.contains("<?xml"));
        assertTrue(html.contains("<span class=\"badge alert\">alert</span>"));
        String markdown = MonitoringMarkdownReport.render(report);
        assertTrue(markdown.contains("| label distribution | PSI |"), markdown);
    }
}
