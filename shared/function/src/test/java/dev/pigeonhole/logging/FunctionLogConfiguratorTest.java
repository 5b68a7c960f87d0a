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
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
    }

    @Test
    void isTheLogSetUpLogbackFindsAsAService() {
        List<Class<?>> found = ServiceLoader.load(Configurator.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertTrue(found.contains(FunctionLogConfigurator.class), found.toString());
    }

    @Test
    void leavesTheSetUpToALogbackFileOnTheClassPath(@TempDir Path dir) throws IOException {
        assertFalse(FunctionLogConfigurator.configuredElsewhere(loaderOver(dir)));
        Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        assertTrue(FunctionLogConfigurator.configuredElsewhere(loaderOver(dir)));
        // The tests' own logback-test.xml keeps working beside the service.
        assertTrue(FunctionLogConfigurator.configuredElsewhere(getClass().getClassLoader()));
    }

    @Test
    void leavesTheSetUpToTheFileLogbackConfigurationFileNames(@TempDir Path dir) throws IOException {
        String previous = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", dir.resolve("custom.xml").toString());
        try {
            assertTrue(FunctionLogConfigurator.configuredElsewhere(loaderOver(dir)));
        } finally {
            if (previous == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", previous);
            }
        }
    }

    private static ClassLoader loaderOver(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
