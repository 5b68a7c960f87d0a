package dev.pigeonhole.telemetry;

import java.io.IOException;
import java.io.OutputStream;

/** Child-process main for ApplicationInsightsAgentTest: records bad predictions through ApplicationInsightsSink. */
public final class BadPredictionEmitter {

    /** 1,500 characters, non-ASCII and JSON-escaped ones included, with a marker just past the first 1,000. */
    static final String LONG_TEXT = longText();

    static final BadPrediction SAMPLE = new BadPrediction(
            LONG_TEXT, "comp.graphics", "sci.space", "v20261122-014850-002", "fb-0001-e2e");

    private BadPredictionEmitter() {
    }

    /**
     * {@code one}: records {@link #SAMPLE}, then stays alive until its stdin closes so the agent can send it.
     * {@code burst N}: records N events, prints how long that took, and exits.
     */
    public static void main(String[] args) throws IOException {
        BadPredictionSink sink = new ApplicationInsightsSink();
        switch (args[0]) {
            case "one" -> {
                sink.record(SAMPLE);
                System.out.println("recorded 1; agent attached: " + BadPredictionSinks.agentAttached());
                System.in.transferTo(OutputStream.nullOutputStream());
            }
            case "burst" -> {
                int count = Integer.parseInt(args[1]);
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    sink.record(new BadPrediction("text " + i, "comp.graphics", "sci.space", "v1", "fb-" + i));
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("recorded " + count + " in " + millis + " ms");
            }
            default -> throw new IllegalArgumentException("mode must be 'one' or 'burst N', not " + args[0]);
        }
    }

    private static String longText() {
        StringBuilder text = new StringBuilder();
        String phrase = "Le pilote d'imprimante plante: \"erreur 0x1F\" \u00e9t\u00e9 \u2013 caf\u00e9\n\ttab \u263a. ";
        while (text.length() < 1_000) {
            text.append(phrase);
        }
        text.setLength(1_000);
        text.append("AFTER-THE-FIRST-THOUSAND");
        while (text.length() < 1_500) {
            text.append('x');
        }
        return text.toString();
    }
}
