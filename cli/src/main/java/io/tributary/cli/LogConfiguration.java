package io.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging of the command line, set up in code (logback finds it through {@code META-INF/services}) rather than
 * parsed from XML at every start: the command's own output is the progress display, so logs only say what went wrong,
 * on stderr — Tributary's warnings and everyone's errors. {@code TRIBUTARY_LOG_LEVEL} lowers or raises both levels;
 * a file named by {@code -Dlogback.configurationFile} replaces all of this but the {@link JettyDebugFilter}, which
 * keeps request headers (credentials) out of the log at any level.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        JettyDebugFilter jettyDebug = new JettyDebugFilter();
        jettyDebug.setContext(context);
        jettyDebug.start();
        context.addTurboFilter(jettyDebug);
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLine layout = new LogLine();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        String level = System.getenv("TRIBUTARY_LOG_LEVEL");
        context.getLogger("io.tributary").setLevel(Level.toLevel(level, Level.WARN));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.ERROR));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
