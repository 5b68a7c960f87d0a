package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A document that exhausts the heap while it is read is refused (422) and the next one is read as usual. */
class OutOfMemoryTest {

    @Test
    void aDocumentTooLargeForTheHeapIsUnreadableAndTheNextOneIsRead() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SmallHeapExtraction.class.getName(), Integer.toString(9_000_000))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);

        List<String> lines = output.lines().filter(l -> l.startsWith("large: ") || l.startsWith("small: ")).toList();
        assertEquals(List.of("large: UNREADABLE: The TXT file needs more memory to read than this function has (it may be "
                + "built to exhaust it): send its text, or a simpler file.", "small: the team won"), lines, output);
        assertEquals(0, process.exitValue(), output);
    }
}
