package dev.pigeonhole.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each bad prediction as one key=value line at INFO, without the text (which may be personal data). */
public final class LogSink implements BadPredictionSink {

    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    @Override
    public void record(BadPrediction event) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} predicted_label={} true_label={} model_version={} feedback_id={}",
                    BadPrediction.MESSAGE,
                    quoted(event.predictedLabel()),
                    quoted(event.trueLabel()),
                    quoted(event.modelVersion()),
                    quoted(event.feedbackId()));
        }
    }

    /** Quotes a value so that spaces, quotes or line breaks sent by a client cannot forge fields or lines. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
