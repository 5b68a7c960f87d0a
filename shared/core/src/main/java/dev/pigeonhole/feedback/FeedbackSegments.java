package dev.pigeonhole.feedback;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.StoreException;
import io.micronaut.serde.annotation.Serdeable;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compacted feedback: immutable segment files {@code feedback/segments/<from>-<to>.jsonl.gz}, each holding the
 * records {@code from} to {@code to} (1-based, in the order they were compacted) as gzipped JSON lines, one record
 * with its key a line. A segment is a copy: the record objects stay where they are (their keys are what makes a
 * resent feedback find its first record), so a segment that exists adds no record and one that is missing loses none.
 */
public final class FeedbackSegments {

    static final String PREFIX = "feedback/segments/";
    private static final String SUFFIX = ".jsonl.gz";
    private static final Pattern NAME = Pattern.compile("(\\d{10})-(\\d{10})" + Pattern.quote(SUFFIX));

    private final ArtifactStore store;

    public FeedbackSegments(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** One segment: its key and the range of records it holds. */
    public record Segment(String key, long from, long to) {
    }

    /** One line of a segment: a record and the key of its object. */
    @Serdeable
    public record Line(String key, FeedbackRecord record) {
    }

    static String key(long from, long to) {
        return PREFIX + String.format(Locale.ROOT, "%010d-%010d", from, to) + SUFFIX;
    }

    /** Every segment, by range. */
    public List<Segment> list() {
        List<Segment> segments = new ArrayList<>();
        for (String key : store.list(PREFIX)) {
            Matcher name = NAME.matcher(key.substring(PREFIX.length()));
            if (name.matches()) {
                segments.add(new Segment(key, Long.parseLong(name.group(1)), Long.parseLong(name.group(2))));
            }
        }
        return segments;
    }

    /** The lines of {@code segment}. */
    public List<Line> read(Segment segment) {
        byte[] data = store.get(segment.key())
                .orElseThrow(() -> new StoreException(segment.key() + " vanished; segments are never deleted"))
                .data();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(data)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(FeedbackJson.read(segment.key(), line.getBytes(StandardCharsets.UTF_8), Line.class));
                }
            }
        } catch (IOException e) {
            throw new StoreException(segment.key() + " is not a readable gzipped JSON Lines segment: " + e, e);
        }
        return lines;
    }

    /**
     * Writes {@code lines} as the segment starting at {@code from}, if absent: its key, or null when a segment of that
     * range exists already (another run wrote it).
     */
    public String write(long from, List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes, 65_536)) {
            for (Line line : lines) {
                gzip.write(FeedbackJson.write(line));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new StoreException("cannot compress a feedback segment: " + e, e);
        }
        String key = key(from, from + lines.size() - 1);
        return store.putIfAbsent(key, bytes.toByteArray()) ? key : null;
    }
}
