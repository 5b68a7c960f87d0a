package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.telemetry.BadPrediction;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Azure Monitor alert counts exactly the traces the code sends: same message, same dimension names. */
class AlertQueryTest {

    private static final String QUERY = RepositoryFiles.read("infra/azure/alert-query.kql");
    private static final String MONITORING = RepositoryFiles.read("infra/azure/modules/monitoring.bicep");

    @Test
    void theQueryMatchesTheTraceMessageTheCodeSends() {
        assertTrue(QUERY.contains("where message == \"" + BadPrediction.MESSAGE + "\""), QUERY);
        assertTrue(QUERY.strip().startsWith("traces"), QUERY);
    }

    /**
     * A sampled trace stands for itemCount traces: the rule totals the itemCount of the rows (sum(itemCount)) rather
     * than counting them, so that it stays right if sampling is ever turned on.
     */
    @Test
    void theRuleCountsBadPredictionsAsTheSumOfTheirItemCounts() {
        assertTrue(QUERY.contains("| project timestamp, itemCount,"), QUERY);
        assertTrue(MONITORING.contains("timeAggregation: 'Total'\n          metricMeasureColumn: 'itemCount'"), MONITORING);
        assertFalse(MONITORING.contains("timeAggregation: 'Count'"), "a count of rows undercounts sampled traces");
    }

    @Test
    void theQueryReadsExactlyTheCustomDimensionsTheCodeSends() {
        Set<String> read = new LinkedHashSet<>();
        Matcher dimension = Pattern.compile("customDimensions\\[\"([^\"]+)\"]").matcher(QUERY);
        while (dimension.find()) {
            read.add(dimension.group(1));
        }
        Set<String> sent = new BadPrediction("text", "Sport", "Science", "v1", "f1").customDimensions().keySet();

        assertEquals(sent, read);
    }

    @Test
    void theRuleSendsThatQueryAndFiresOnThreeWithinFiveMinutesEvaluatedEveryFiveMinutes() {
        assertTrue(MONITORING.contains("query: loadTextContent('../alert-query.kql')"));
        assertTrue(MONITORING.contains("param alertThreshold int = 3"));
        assertTrue(MONITORING.contains("threshold: alertThreshold"));
        assertTrue(MONITORING.contains("operator: 'GreaterThanOrEqual'"));
        assertTrue(MONITORING.contains("windowSize: 'PT5M'"));
        assertTrue(MONITORING.contains("evaluationFrequency: 'PT5M'"));
        assertTrue(MONITORING.contains("emailAddress: alertEmail"));
        assertTrue(MONITORING.contains("'Microsoft.Insights/scheduledQueryRules@2023-12-01'"));
        assertTrue(MONITORING.contains("'Microsoft.Insights/actionGroups@2023-01-01'"));
    }
}
