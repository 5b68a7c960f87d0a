package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DOCX uploads of a few megabytes whose parts inflate to 30 MB of XML, or that list 100,000 entries, are read in a
 * 64 MB heap: reading one used to build a tree of each part, 1 to 1.4 GB of heap for one upload, and opening the
 * ZIP by its central directory took 70 to 128 MB for the entries.
 */
class HostileDocxTest {

    @Test
    void docxPartsOfThirtyMegabytesOrAHundredThousandEntriesAreReadOrRefusedInA64MegabyteHeap() throws IOException, InterruptedException {
        SmallHeapRun run = SmallHeapRun.of("64m", SmallHeapDocx.class);

        assertEquals(0, run.exitValue(), run.output());
        assertEquals(List.of(
                "paragraphs: TOO_LARGE: The document holds more than 1000000 characters of text; at most 1000000 are "
                        + "accepted.",
                "nesting: UNREADABLE: The DOCX is damaged and its text cannot be read: save it again from Word and "
                        + "re-upload.",
                "relationships: Quarterly report",
                "core properties: Quarterly report",
                "entries: Quarterly report"),
                run.output().lines().filter(line -> line.matches("[a-z ]+: .*")).toList(), run.output());
    }
}
