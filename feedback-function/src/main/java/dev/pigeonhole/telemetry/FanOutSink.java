package dev.pigeonhole.telemetry;

import java.util.List;

/** Reports each bad prediction to several sinks, in order. */
public final class FanOutSink implements BadPredictionSink {

    private final List<BadPredictionSink> sinks;

    public FanOutSink(List<BadPredictionSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void record(BadPrediction event) {
        for (BadPredictionSink sink : sinks) {
            sink.record(event);
        }
    }

    /** The sinks this one reports to, in order. */
    public List<BadPredictionSink> sinks() {
        return sinks;
    }
}
