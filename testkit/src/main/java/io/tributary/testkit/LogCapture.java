package io.tributary.testkit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Collects what loggers (and those under them) log at {@code level} or above while open; restores their levels. Needs
 * logback-classic on the test class path (an optional dependency of the test kit).
 */
public final class LogCapture implements AutoCloseable {
    private final List<Logger> loggers;
    private final List<Level> previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(Level level, String... loggerNames) {
        loggers = Stream.of(loggerNames).map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
        previous = loggers.stream().map(Logger::getLevel).toList();
        appender.start();
        loggers.forEach(logger -> {
            logger.setLevel(level);
            logger.addAppender(appender);
        });
    }

    /** Every event so far: level, message and any exception's text. */
    public List<String> lines() {
        return List.copyOf(appender.list).stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
