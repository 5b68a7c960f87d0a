package dev.pigeonhole.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutSinkTest {

    @Test
    void recordsEachEventToEverySinkInOrder() {
        List<String> calls = new ArrayList<>();
        BadPrediction event = new BadPrediction("x", "p", "t", "v", "f");

        new FanOutSink(List.of(e -> calls.add("first " + e.feedbackId()), e -> calls.add("second " + e.feedbackId())))
                .record(event);

        assertEquals(List.of("first f", "second f"), calls);
    }
}
