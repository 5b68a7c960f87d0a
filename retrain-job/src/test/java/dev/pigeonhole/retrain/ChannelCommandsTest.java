package dev.pigeonhole.retrain;

import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.ManifestDraft;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel commands: rollback (from the channel history) and promote. */
class ChannelCommandsTest {

    @TempDir
    Path root;

    private ArtifactStore store;
    private Channels channels;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void openStore() {
        store = new LocalArtifactStore(root);
        channels = new Channels(store, new VersionReader(store));
    }

    @Test
    void movesProductionBackToTheVersionItServedBefore() {
        String first = publish("first");
        String second = publish("second");
        channels.move("production", first, "train");
        channels.move("production", second, "retrain");

        assertEquals(0, rollback());

        ChannelPointer pointer = channels.read("production").orElseThrow();
        assertEquals(first, pointer.version());
        assertEquals("rollback from " + second, pointer.history().get(pointer.history().size() - 1).reason());
        assertEquals(first, out.toString().strip());
    }

    @Test
    void aSecondRollbackGoesFurtherBackInsteadOfUndoingTheFirst() {
        String first = publish("first");
        String second = publish("second");
        String third = publish("third");
        channels.move("production", first, "train");
        channels.move("production", second, "retrain");
        channels.move("production", third, "retrain");

        assertEquals(0, rollback());
        assertEquals(second, channels.read("production").orElseThrow().version());
        assertEquals(0, rollback());
        assertEquals(first, channels.read("production").orElseThrow().version());
        assertEquals(1, rollback());
        assertTrue(err.toString().contains("no earlier version"), err.toString());
        assertEquals(first, channels.read("production").orElseThrow().version());
    }

    @Test
    void leavesTheChannelAloneWhenItNoLongerServesTheExpectedVersion() {
        String first = publish("first");
        String second = publish("second");
        channels.move("production", first, "train");
        channels.move("production", second, "retrain");

        assertEquals(1, rollback("--if-current", first));

        assertEquals(second, channels.read("production").orElseThrow().version());
        assertTrue(err.toString().contains("moved since"), err.toString());
    }

    @Test
    void movesToAnExplicitVersionOfAnotherChannel() {
        String first = publish("first");
        String second = publish("second");
        channels.move("staging", second, "retrain");

        assertEquals(0, rollback("--channel", "staging", "--to", first));

        assertEquals(first, channels.read("staging").orElseThrow().version());
    }

    @Test
    void failsWithAMessageWhenTheChannelWasNeverPublished() {
        assertEquals(1, rollback());

        assertTrue(err.toString().contains("channel 'production' has never been published"), err.toString());
    }

    @Test
    void promoteMovesAChannelToTheVersionAnotherServes() {
        String first = publish("first");
        channels.move("production", first, "train");

        assertEquals(0, run("promote", "--from", "production", "--channel", "staging"));

        ChannelPointer staging = channels.read("staging").orElseThrow();
        assertEquals(first, staging.version());
        assertEquals("promoted from production", staging.history().get(0).reason());
        assertEquals(1, run("promote", "--from", "nowhere", "--channel", "staging"));
        assertTrue(err.toString().contains("channel 'nowhere' has never been published"), err.toString());
    }

    private int rollback(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add(0, "rollback");
        return run(args.toArray(String[]::new));
    }

    private int run(String... commandAndOptions) {
        List<String> args = new java.util.ArrayList<>(List.of(commandAndOptions));
        args.addAll(1, List.of("--store", "file:" + root));
        return RetrainJob.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    private String publish(String seed) {
        ManifestDraft draft = new ManifestDraft(null, "logistic-regression", Map.of(), Map.of(), List.of("a", "b"),
                List.of(), Map.of("accuracy", 0.9));
        return new VersionPublisher(store).publish(draft, Map.of("model.json",
                ("{\"seed\":\"" + seed + "\"}").getBytes(StandardCharsets.UTF_8))).version();
    }
}
