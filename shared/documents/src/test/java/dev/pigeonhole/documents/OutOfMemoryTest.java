package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document that exhausts the heap while it is read is refused (422) and the next one is read as usual. */
class OutOfMemoryTest {

    @Test
    void aDocumentTooLargeForTheHeapIsUnreadableAndTheNextOneIsRead() throws IOException, InterruptedException {
        SmallHeapRun run = SmallHeapRun.of("32m", SmallHeapExtraction.class, Integer.toString(9_000_000));

        assertEquals(List.of("large: UNREADABLE: The TXT file needs more memory to read than this function has (it may be "
                + "built to exhaust it): send its text, or a simpler file.", "small: the team won"),
                run.output().lines().filter(l -> l.startsWith("large: ") || l.startsWith("small: ")).toList(), run.output());
        assertEquals(0, run.exitValue(), run.output());
    }
}
