package dev.pigeonhole.telemetry;

/** Where bad predictions are reported; implementations never throw and never block the caller for long. */
public interface BadPredictionSink {

    /** Reports one bad prediction, or drops it (after saying so once) when the destination fails. */
    void record(BadPrediction event);
}
