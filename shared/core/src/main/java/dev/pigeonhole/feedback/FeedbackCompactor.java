package dev.pigeonhole.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies the records a read fetched one by one into new segments ({@link FeedbackSegments}), so that later reads fetch
 * a few segments instead of one object per record. Each segment is one create-if-absent write: a run that dies between
 * two leaves whole segments and records not yet in one, which the next read fetches one by one and the next compaction
 * copies; two runs racing for a range write one segment of it, and a read counts a record held twice once.
 */
public final class FeedbackCompactor {

    private final FeedbackSegments segments;
    private final int minRecords;
    private final int maxRecordsPerSegment;

    /**
     * @param minRecords           the fewest unsegmented records worth a segment (fewer wait for the next run)
     * @param maxRecordsPerSegment the most records one segment holds
     */
    public FeedbackCompactor(FeedbackSegments segments, int minRecords, int maxRecordsPerSegment) {
        if (minRecords < 1 || maxRecordsPerSegment < 1) {
            throw new IllegalArgumentException("segments hold at least 1 record; got a minimum of " + minRecords
                    + " and a maximum of " + maxRecordsPerSegment);
        }
        this.segments = Objects.requireNonNull(segments, "segments");
        this.minRecords = minRecords;
        this.maxRecordsPerSegment = maxRecordsPerSegment;
    }

    /** Writes the unsegmented records of {@code snapshot} into segments: the keys written. */
    public List<String> compact(FeedbackSnapshot snapshot) {
        List<FeedbackSegments.Line> lines = snapshot.unsegmented();
        List<String> written = new ArrayList<>();
        if (lines.size() < minRecords) {
            return written;
        }
        long from = snapshot.nextSegmentStart();
        for (int start = 0; start < lines.size(); start += maxRecordsPerSegment) {
            List<FeedbackSegments.Line> part = lines.subList(start, Math.min(lines.size(), start + maxRecordsPerSegment));
            String key = segments.write(from, part);
            if (key == null) {
                break; // another run compacts meanwhile; the next read sees its segment and whatever is left
            }
            written.add(key);
            from += part.size();
        }
        return written;
    }
}
