package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DOCX uploads of a megabyte or two whose parts inflate to 30 MB of XML are read in a 64 MB heap: reading one
 * used to build a tree of each part, 1 to 1.4 GB of heap for one upload.
 */
class HostileDocxTest {

    @Test
    void docxPartsOfThirtyMegabytesAreReadOrRefusedInA64MegabyteHeap() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), SmallHeapDocx.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        assertEquals(List.of(
                "paragraphs: TOO_LARGE: The document holds more than 1000000 characters of text; at most 1000000 are "
                        + "accepted.",
                "nesting: UNREADABLE: The DOCX is damaged and its text cannot be read: save it again from Word and "
                        + "re-upload.",
                "relationships: Quarterly report",
                "core properties: Quarterly report"),
                output.lines().filter(line -> line.matches("[a-z ]+: .*")).toList(), output);
    }
}
