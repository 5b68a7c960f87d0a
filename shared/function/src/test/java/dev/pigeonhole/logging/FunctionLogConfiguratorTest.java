package dev.pigeonhole.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionLogConfiguratorTest {

    @Test
    void logsInfoAndAboveAsOneLinePerEventOnStandardOutput() {
        LoggerContext context = new LoggerContext();
        FunctionLogConfigurator.apply(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
        assertTrue(console.isStarted());
        assertEquals("System.out", console.getTarget());
        PatternLayoutEncoder encoder = assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder());
        assertEquals("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n", encoder.getPattern());
        assertEquals(Level.ERROR, context.getLogger(FunctionLogConfigurator.AZURE_JDK_HTTP_CLIENT).getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("dev.pigeonhole.serving.ServedModel").getEffectiveLevel());

        Instant at = Instant.parse("2026-12-01T16:08:47.443Z");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("dev.pigeonhole.serving.ServedModel"),
                Level.INFO, "serving text model version {}", null, new Object[] {"v1"});
        event.setInstant(at);
        String time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault()).format(at);
        assertEquals(time + " INFO  dev.pigeonhole.serving.ServedModel - serving text model version v1" + System.lineSeparator(),
                new String(encoder.encode(event), StandardCharsets.UTF_8));
    }

    @Test
    void isTheLogSetUpLogbackFindsAsAService() {
        List<Class<?>> found = ServiceLoader.load(Configurator.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertTrue(found.contains(FunctionLogConfigurator.class), found.toString());
    }

    @Test
    void leavesTheSetUpToALogbackFileOnTheClassPath(@TempDir Path dir) throws IOException {
        assertFalse(configuredElsewhereWith(dir));
        Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        assertTrue(configuredElsewhereWith(dir));
        // The tests' own logback-test.xml keeps working beside the service.
        assertTrue(FunctionLogConfigurator.configuredElsewhere(getClass().getClassLoader()));
    }

    @Test
    void leavesTheSetUpToTheFileLogbackConfigurationFileNames(@TempDir Path dir) throws IOException {
        String previous = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", dir.resolve("custom.xml").toString());
        try {
            assertTrue(configuredElsewhereWith(dir));
        } finally {
            if (previous == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", previous);
            }
        }
    }

    private static boolean configuredElsewhereWith(Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return FunctionLogConfigurator.configuredElsewhere(loader);
        }
    }
}
