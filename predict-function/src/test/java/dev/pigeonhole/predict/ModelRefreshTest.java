package dev.pigeonhole.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pigeonhole.contract.ContractRequest;
import dev.pigeonhole.contract.ContractResponse;
import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.contract.NettyTransport;
import dev.pigeonhole.model.TextModelCodec;
import dev.pigeonhole.serving.ServedModelRefresher;
import dev.pigeonhole.store.ChannelPointer;
import dev.pigeonhole.store.LocalArtifactStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A warm predict function adopts the version its channel moves to when, and only when, refresh is on. */
class ModelRefreshTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path store;

    @Test
    void withRefreshOnHealthAndPredictReportTheNewVersionSoonAfterTheChannelMoves() {
        String first = ModelFixture.publish(store);
        try (EmbeddedServer server = start(1)) {
            NettyTransport http = new NettyTransport(server);
            assertEquals(first, healthVersion(http));

            String second = ModelFixture.publish(store);
            assertNotEquals(first, second);

            await(() -> second.equals(healthVersion(http)), "health to report " + second);
            assertEquals(second, predictVersion(http));
            assertEquals(second, http.send(ContractRequest.get("/model")).json().get("version"));
        }
    }

    @Test
    void withRefreshOnACorruptNewVersionIsNotAdopted() throws Exception {
        String first = ModelFixture.publish(store);
        Logger logger = (Logger) LoggerFactory.getLogger(ServedModelRefresher.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try (EmbeddedServer server = start(1)) {
            NettyTransport http = new NettyTransport(server);
            String corrupt = ModelFixture.publishVersion(store);
            Files.write(store.resolve("models").resolve(corrupt).resolve(TextModelCodec.WEIGHTS_FILE), new byte[] {0});
            // Written by hand: Channels.move itself refuses to point at a damaged version.
            ChannelPointer pointer = new ChannelPointer("production", corrupt, Instant.now().toString(), List.of());
            new LocalArtifactStore(store).put("channels/production.json", ObjectMapper.getDefault().writeValueAsBytes(pointer));

            await(() -> warnings.list.stream().anyMatch(event -> event.getFormattedMessage()
                    .startsWith("channel 'production' moved to model version '" + corrupt + "', which cannot be served")),
                    "the refresher to refuse " + corrupt);

            assertEquals(first, healthVersion(http));
            assertEquals(first, predictVersion(http));
        } finally {
            logger.detachAppender(warnings);
        }
    }

    @Test
    void withRefreshOffTheColdStartVersionIsServedAfterTheChannelMoves() {
        String first = ModelFixture.publish(store);
        try (EmbeddedServer server = start(0)) {
            NettyTransport http = new NettyTransport(server);
            ModelFixture.publish(store);

            assertFalse(server.getApplicationContext().containsBean(ServedModelRefresher.class));
            assertEquals(first, healthVersion(http));
            assertEquals(first, predictVersion(http));
        }
    }

    private EmbeddedServer start(int refreshSeconds) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "pigeonhole.store", "file:" + store,
                "pigeonhole.refresh-seconds", String.valueOf(refreshSeconds)));
    }

    private static String healthVersion(NettyTransport http) {
        return (String) http.send(ContractRequest.get("/health")).json().get("model_version");
    }

    private static String predictVersion(NettyTransport http) {
        ContractResponse response = http.send(ContractRequest.postJson("/predict", "{\"text\": \"the team won the game\"}"));
        assertEquals(200, response.status(), response.text());
        return (String) response.json().get("model_version");
    }

    /** Polls {@code condition} until it holds, failing after {@link #PATIENCE}. */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
