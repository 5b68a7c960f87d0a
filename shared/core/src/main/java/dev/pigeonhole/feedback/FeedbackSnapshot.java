package dev.pigeonhole.feedback;

import java.util.List;

/**
 * The feedback as one read found it: every record, oldest first, each feedback id once; the records read one by one
 * because no segment held them yet (oldest first, with their keys, what the next segment would hold); where that
 * segment would start; how many record objects were listed, and how many segments were read.
 */
public record FeedbackSnapshot(List<FeedbackRecord> records, List<FeedbackSegments.Line> unsegmented,
                               long nextSegmentStart, long recordObjects, int segmentsRead) {

    public FeedbackSnapshot {
        records = List.copyOf(records);
        unsegmented = List.copyOf(unsegmented);
    }
}
