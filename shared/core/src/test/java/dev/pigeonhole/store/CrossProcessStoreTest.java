package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossProcessStoreTest {

    @TempDir
    Path root;

    @Test
    void processesSharingAStoreCreateOnceAndLoseNoCompareAndSwap() throws Exception {
        int processes = 4;
        int incrementsEach = 50;
        LocalArtifactStore store = new LocalArtifactStore(root);
        store.put("counter", "0".getBytes(UTF_8));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> contenders = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            contenders.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StoreContender.class.getName(), root.toString(), String.valueOf(i), String.valueOf(incrementsEach))
                    .redirectErrorStream(true)
                    .start());
        }
        Files.createFile(root.resolve(".go"));

        List<String> outcomes = new ArrayList<>();
        for (Process contender : contenders) {
            assertTrue(contender.waitFor(60, TimeUnit.SECONDS), "a contender process hung");
            String output = new String(contender.getInputStream().readAllBytes(), UTF_8).strip();
            assertEquals(0, contender.exitValue(), output);
            outcomes.add(output);
        }

        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(processes - 1, outcomes.stream().filter("exists"::equals).count(), outcomes.toString());
        assertEquals(String.valueOf(processes * incrementsEach),
                new String(store.get("counter").orElseThrow().data(), UTF_8));
    }
}
