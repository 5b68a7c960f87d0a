package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pigeonhole.telemetry.BadPrediction;
import dev.pigeonhole.telemetry.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The CloudWatch alarm of infra/aws counts exactly the lines the feedback function logs for a bad prediction, and
 * e-mails the team on 3 or more within 5 minutes, as the Azure alert does with the traces.
 */
class AwsAlarmTest {

    private static final TerraformModel MODEL = TerraformModel.current();

    @Test
    void theMetricFilterMatchesTheLineTheCodeLogsForABadPredictionAndNoOther() {
        Map<String, Object> filter = MODEL.resources("aws_cloudwatch_log_metric_filter").get("bad_predictions");
        List<String> terms = quotedTerms(String.valueOf(filter.get("pattern")));
        assertFalse(terms.isEmpty(), "the pattern matches a quoted phrase");

        String line = loggedLine(new BadPrediction("a long text", "Sport", "Science", "v1", "f1"));
        assertTrue(line.startsWith(BadPrediction.MESSAGE + " "), line);
        terms.forEach(term -> assertTrue(line.contains(term), "'" + term + "' is not in the logged line " + line));
        // The metric counts lines: a label cannot add one, line breaks are logged escaped.
        String forged = loggedLine(new BadPrediction("t", "x\nBad prediction predicted_label=\"y\"", "Sport", "v1", "f2"));
        assertFalse(forged.contains("\n"), forged);

        assertEquals("${aws_cloudwatch_log_group.function[\"feedback\"].name}", filter.get("log_group_name"));
    }

    @Test
    void theAlarmFiresOnThreeOrMoreWithinFiveMinutesAndMailsTheTeam() {
        Map<String, Object> filter = MODEL.resources("aws_cloudwatch_log_metric_filter").get("bad_predictions");
        Map<String, Object> metric = TerraformModel.first(filter.get("metric_transformation"));
        Map<String, Object> alarm = MODEL.resources("aws_cloudwatch_metric_alarm").get("bad_predictions");

        assertEquals(metric.get("name"), alarm.get("metric_name"));
        assertEquals(metric.get("namespace"), alarm.get("namespace"));
        assertEquals("1", metric.get("value"));
        assertEquals("Sum", alarm.get("statistic"));
        assertEquals(300, ((Number) alarm.get("period")).intValue());
        assertEquals(1, ((Number) alarm.get("evaluation_periods")).intValue());
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("comparison_operator"));
        assertEquals("${var.alert_threshold}", alarm.get("threshold"));
        assertEquals(3, ((Number) MODEL.variables().get("alert_threshold").get("default")).intValue());
        assertEquals("notBreaching", alarm.get("treat_missing_data"));
        assertEquals(List.of("${aws_sns_topic.alerts.arn}"), alarm.get("alarm_actions"));

        Map<String, Object> subscription = MODEL.resources("aws_sns_topic_subscription").get("alert_email");
        assertEquals("email", subscription.get("protocol"));
        assertEquals("${var.alert_email}", subscription.get("endpoint"));
        assertEquals("${aws_sns_topic.alerts.arn}", subscription.get("topic_arn"));
    }

    /** The message LogSink logs, as the function's log line carries it. */
    private static String loggedLine(BadPrediction event) {
        Logger logger = (Logger) LoggerFactory.getLogger(LogSink.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            new LogSink().record(event);
        } finally {
            logger.detachAppender(appender);
        }
        assertEquals(1, appender.list.size());
        return appender.list.get(0).getFormattedMessage();
    }

    /** The quoted phrases of a CloudWatch Logs filter pattern (each must occur in a line for it to match). */
    private static List<String> quotedTerms(String pattern) {
        List<String> terms = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(pattern);
        while (quoted.find()) {
            terms.add(quoted.group(1));
        }
        return terms;
    }
}
