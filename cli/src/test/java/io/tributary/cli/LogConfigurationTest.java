package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

class LogConfigurationTest {
    @Test
    void logsTributarysWarningsAndEveryonesErrorsToStderr() {
        LoggerContext context = new LoggerContext();

        Configurator.ExecutionStatus status = new LogConfiguration().configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(context.getLogger("io.tributary.source").getEffectiveLevel())
                .isEqualTo(System.getenv("TRIBUTARY_LOG_LEVEL") == null ? Level.WARN
                        : Level.toLevel(System.getenv("TRIBUTARY_LOG_LEVEL")));
        assertThat(context.getLogger("org.apache.kafka").isEnabledFor(Level.WARN))
                .isEqualTo(System.getenv("TRIBUTARY_LOG_LEVEL") != null);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
    }

    /** Jetty's DEBUG log prints raw requests, Authorization headers included. */
    @Test
    void keepsJettysDebugLinesOutWhateverItsLevel() {
        LoggerContext context = new LoggerContext();
        new LogConfiguration().configure(context);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.TRACE);
        context.getLogger("io.tributary").setLevel(Level.TRACE);

        context.getLogger("org.eclipse.jetty.http.HttpParser").debug("Authorization: Basic b3A6cA==");
        context.getLogger("org.eclipse.jetty.io.ArrayByteBufferPool").trace("buffer");
        context.getLogger("org.eclipse.jetty.server.Server").warn("a warning");
        context.getLogger("org.eclipse.jettyish").debug("not Jetty's");
        context.getLogger("io.tributary.server").debug("ours");

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("a warning", "not Jetty's", "ours");
    }

    /** A configuration file of one's own replaces the rest, not the filter, as logback applies it after this. */
    @Test
    void keepsJettysDebugLinesOutWithAConfigurationFileOfOnesOwn(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path directory) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(directory.resolve("logback.xml"),
                "<configuration><root level=\"TRACE\"/></configuration>");
        LoggerContext context = new LoggerContext();
        String previous = System.setProperty("logback.configurationFile", file.toString());
        try {
            assertThat(new LogConfiguration().configure(context))
                    .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            if (previous == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", previous);
            }
        }
        ch.qos.logback.classic.joran.JoranConfigurator joran = new ch.qos.logback.classic.joran.JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(file.toFile());

        assertThat(context.getTurboFilterList()).hasAtLeastOneElementOfType(JettyDebugFilter.class);
        assertThat(context.getLogger("org.eclipse.jetty.http.HttpParser").isDebugEnabled()).isFalse();
    }

    @Test
    void isTheConfigurationLogbackFindsOnTheClassPath() {
        assertThat(java.util.ServiceLoader.load(Configurator.class)).hasAtLeastOneElementOfType(LogConfiguration.class);
    }
}
