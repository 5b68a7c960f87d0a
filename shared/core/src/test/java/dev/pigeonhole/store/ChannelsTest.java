package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsTest {

    @TempDir
    Path root;

    private ArtifactStore store;
    private Channels channels;

    private Channels channels() {
        store = new LocalArtifactStore(root);
        channels = new Channels(store, new VersionReader(store));
        return channels;
    }

    @Test
    void channelNobodyMovedReadsAsEmpty() {
        assertEquals(Optional.empty(), channels().read("production"));
    }

    @Test
    void moveCreatesThePointerAndLaterMovesAppendToItsHistory() {
        Channels channels = channels();
        String first = Fixtures.publish(store, "a");
        String second = Fixtures.publish(store, "b");

        channels.move("production", first, "first model");
        channels.move("production", second, "retrain");
        ChannelPointer pointer = channels.move("production", first, "rollback");

        assertEquals(pointer, channels.read("production").orElseThrow());
        assertEquals("production", pointer.channel());
        assertEquals(first, pointer.version());
        assertEquals(List.of(first, second, first), pointer.history().stream().map(ChannelMove::version).toList());
        assertEquals(List.of("first model", "retrain", "rollback"),
                pointer.history().stream().map(ChannelMove::reason).toList());
        assertEquals(pointer.updatedAt(), pointer.history().get(2).movedAt());
        assertTrue(store.get("channels/production.json").isPresent());
    }

    @Test
    void aConditionalMoveHappensOnlyIfTheChannelIsStillWhereItWasRead() {
        Channels channels = channels();
        String first = Fixtures.publish(store, "a");
        String second = Fixtures.publish(store, "b");
        String third = Fixtures.publish(store, "c");

        Optional<ChannelRevision> none = channels.revision("production");
        assertTrue(channels.moveIfUnchanged("production", none, first, "first").isPresent());
        assertEquals(Optional.empty(), channels.moveIfUnchanged("production", none, second, "stale: read when empty"));

        Optional<ChannelRevision> read = channels.revision("production");
        channels.move("production", second, "a promote in between");
        assertEquals(Optional.empty(), channels.moveIfUnchanged("production", read, third, "stale"));
        assertEquals(second, channels.read("production").orElseThrow().version());

        Optional<ChannelRevision> fresh = channels.revision("production");
        ChannelPointer moved = channels.moveIfUnchanged("production", fresh, third, "retrained").orElseThrow();
        assertEquals(third, moved.version());
        assertEquals(List.of(first, second, third), moved.history().stream().map(ChannelMove::version).toList());
        assertEquals(moved, channels.read("production").orElseThrow());
    }

    @Test
    void historyKeepsTheLastFiftyMoves() {
        Channels channels = channels();
        String version = Fixtures.publish(store, "a");
        for (int i = 1; i <= 55; i++) {
            channels.move("staging", version, "move " + i);
        }

        List<ChannelMove> history = channels.read("staging").orElseThrow().history();

        assertEquals(50, history.size());
        assertEquals("move 6", history.get(0).reason());
        assertEquals("move 55", history.get(49).reason());
    }

    @Test
    void moveToAMissingVersionIsRefusedAndLeavesTheChannelAlone() {
        Channels channels = channels();
        String good = Fixtures.publish(store, "a");
        channels.move("production", good, "first");
        store.put("models/v29990101-000000-000/model.bin", "no manifest".getBytes(UTF_8));

        assertThrows(VersionNotFoundException.class,
                () -> channels.move("production", "v29990101-000000-000", "bad"));
        assertThrows(VersionNotFoundException.class, () -> channels.move("staging", "v1", "bad"));

        assertEquals(good, channels.read("production").orElseThrow().version());
        assertEquals(1, channels.read("production").orElseThrow().history().size());
        assertEquals(Optional.empty(), channels.read("staging"));
    }

    @Test
    void moveToACorruptVersionIsRefused() throws Exception {
        Channels channels = channels();
        String good = Fixtures.publish(store, "a");
        String corrupt = Fixtures.publish(store, "b");
        channels.move("production", good, "first");
        Files.write(root.resolve("models/" + corrupt + "/model.bin"), "tampered".getBytes(UTF_8));

        CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
                () -> channels.move("production", corrupt, "retrain"));

        assertTrue(e.getMessage().contains("model.bin"), e.getMessage());
        assertEquals(good, channels.read("production").orElseThrow().version());
    }

    @Test
    void channelNamesMustBeLowercaseLettersDigitsAndDashes() {
        Channels channels = channels();
        String version = Fixtures.publish(store, "a");
        for (String name : List.of("", "Production", "prod/uction", "../x", "prod_1", "prod.json")) {
            assertThrows(IllegalArgumentException.class, () -> channels.move(name, version, "x"), name);
            assertThrows(IllegalArgumentException.class, () -> channels.read(name), name);
        }
        assertEquals(version, channels.move("canary-2", version, "ok").version());
    }

    @Test
    void concurrentMovesAreAllRecordedInHistory() throws Exception {
        Channels channels = channels();
        String first = Fixtures.publish(store, "a");
        String second = Fixtures.publish(store, "b");
        int threads = 8;
        int movesEach = 5;
        List<Callable<Boolean>> movers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            movers.add(() -> {
                for (int m = 0; m < movesEach; m++) {
                    channels.move("production", m % 2 == 0 ? first : second, "thread " + thread + " move " + m);
                }
                return true;
            });
        }

        LocalArtifactStoreTest.runTogether(movers);

        List<String> reasons = channels.read("production").orElseThrow().history().stream()
                .map(ChannelMove::reason).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int m = 0; m < movesEach; m++) {
                expected.add("thread " + t + " move " + m);
            }
        }
        expected.sort(null);
        assertEquals(expected, reasons);
    }
}
