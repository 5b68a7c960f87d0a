package dev.pigeonhole.serving;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pigeonhole.model.TextModel;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.model.TextModelTrainer;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.store.ArtifactStore;
import dev.pigeonhole.store.Channels;
import dev.pigeonhole.store.LocalArtifactStore;
import dev.pigeonhole.store.ManifestDraft;
import dev.pigeonhole.store.VersionPublisher;
import dev.pigeonhole.store.VersionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ServedModelRefresherTest {

    private static final List<String> LABELS = List.of("Sport", "Informatique");

    @TempDir
    Path dir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(ServedModelRefresher.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level previousLevel;
    private ArtifactStore store;
    private int published;

    @BeforeEach
    void captureLog() {
        store = new LocalArtifactStore(dir);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
        logger.setLevel(previousLevel);
    }

    @Test
    void aChannelMovedToAnotherVersionIsAdoptedOnTheNextRefresh() {
        String first = publishAndMove();
        CurrentModel current = coldStart();
        ServedModelRefresher refresher = refresher(current);
        String second = publishAndMove();

        refresher.refresh();

        assertEquals(Optional.of(second), current.get().version());
        assertEquals("Sport", current.get().model().classify("the team won the game").bestLabel());
        assertEquals("{\"published\":2}", new String(current.get().report("metrics.json").orElseThrow(), UTF_8));
        assertNotEquals(first, second);
        assertEquals(List.of("INFO serving model version " + second + " from channel 'production' (was version "
                + first + ")"), messages());
    }

    @Test
    void anUnmovedChannelKeepsServingTheSameLoadedModel() {
        publishAndMove();
        CurrentModel current = coldStart();
        ServedModel before = current.get();
        ServedModelRefresher refresher = refresher(current);

        refresher.refresh();
        refresher.refresh();

        assertSame(before, current.get());
        assertEquals(List.of(), messages());
    }

    @Test
    void aCorruptNewVersionIsNotAdoptedAndWarnsOnceThenALaterGoodVersionIs() throws Exception {
        String first = publishAndMove();
        CurrentModel current = coldStart();
        ServedModelRefresher refresher = refresher(current);
        String corrupt = publishAndMove();
        Files.write(dir.resolve("models").resolve(corrupt).resolve(TextModelCodec.WEIGHTS_FILE), new byte[] {1, 2, 3});

        refresher.refresh();
        refresher.refresh();
        refresher.refresh();

        assertEquals(Optional.of(first), current.get().version());
        List<String> warnings = messages();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("WARN channel 'production' moved to model version '" + corrupt
                + "', which cannot be served; still serving version " + first + ": model version '" + corrupt
                + "' in "), warnings.get(0));

        String good = publishAndMove();
        refresher.refresh();

        assertEquals(Optional.of(good), current.get().version());
    }

    @Test
    void aModelPublishedAfterAColdStartWithoutOneIsAdopted() {
        CurrentModel current = coldStart();
        ServedModelRefresher refresher = refresher(current);
        refresher.refresh();
        assertFalse(current.get().loaded());

        String version = publishAndMove();
        refresher.refresh();

        assertEquals(Optional.of(version), current.get().version());
    }

    @Test
    void anUnreadableStoreKeepsTheModelAndWarnsOnce() {
        CurrentModel current = new CurrentModel(ServedModel.unavailable("cold start found nothing"));
        ServedModelRefresher refresher = new ServedModelRefresher(current, "ftp://host/models", "production");

        refresher.refresh();
        refresher.refresh();

        assertFalse(current.get().loaded());
        List<String> warnings = messages();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("WARN cannot read channel 'production' to check for a new model "
                + "version; still serving no model: "), warnings.get(0));
    }

    private CurrentModel coldStart() {
        return new CurrentModel(ServedModel.load("file:" + dir, "production"));
    }

    private ServedModelRefresher refresher(CurrentModel current) {
        return new ServedModelRefresher(current, "file:" + dir, "production");
    }

    private List<String> messages() {
        return log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .toList();
    }

    private String publishAndMove() {
        TextModel model = new TextModelTrainer(new TrainingParameters(1, 1, 1, 0.1, 1e-6, 300)).train(
                List.of("the team won the game", "the coach praised the players",
                        "the compiler found a syntax error", "install the driver on the computer"),
                new int[] {0, 0, 1, 1}, LABELS);
        ManifestDraft draft = new ManifestDraft(null, "logistic-regression", Map.of(), Map.of(), LABELS, List.of(),
                Map.of());
        Map<String, byte[]> files = new HashMap<>(new TextModelCodec().encode(model));
        files.put("metrics.json", ("{\"published\":" + ++published + "}").getBytes(UTF_8));
        String version = new VersionPublisher(store).publish(draft, files).version();
        new Channels(store, new VersionReader(store)).move("production", version, "test");
        return version;
    }
}
