package dev.pigeonhole.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSinkTest {

    @Test
    void writesOneInfoLineWithLabelsVersionAndFeedbackIdButNotTheText() {
        try (LogCapture log = new LogCapture(LogSink.class)) {
            new LogSink().record(new BadPrediction("my private letter", "comp.graphics", "sci.space", "v7", "fb-1"));

            List<ILoggingEvent> events = log.events();
            assertEquals(1, events.size());
            assertEquals(Level.INFO, events.get(0).getLevel());
            String line = events.get(0).getFormattedMessage();
            assertEquals("Bad prediction predicted_label=\"comp.graphics\" true_label=\"sci.space\" "
                    + "model_version=\"v7\" feedback_id=\"fb-1\"", line);
            assertFalse(line.contains("private"));
        }
    }

    @Test
    void quotingKeepsAClientSuppliedValueOnOneLineAndInOneField() {
        assertEquals("\"v1\\\" injected=\\\"yes\\nnext line\\\\\"", LogSink.quoted("v1\" injected=\"yes\nnext line\\"));
        assertEquals("\"a\\u0007b\"", LogSink.quoted("a\u0007b"));
    }
}
