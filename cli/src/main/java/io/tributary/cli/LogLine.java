package io.tributary.cli;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One log line as {@code %d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n} would write it, then the stack trace if
 * any: written by hand because logback's {@code PatternLayout} registers its sixty-odd converters as lambdas when it
 * is first loaded, which costs every run of the command line start-up time for a format that never changes.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
    /** Loggers' names longer than this have their packages shortened to initials, as {@code %logger{20}} does. */
    static final int LOGGER_LENGTH = 20;

    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
        twoDigits(line, time.getHour()).append(':');
        twoDigits(line, time.getMinute()).append(':');
        twoDigits(line, time.getSecond()).append('.');
        int millis = time.getNano() / 1_000_000;
        line.append((char) ('0' + millis / 100));
        twoDigits(line, millis % 100).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
        line.append(abbreviated(event.getLoggerName())).append(" - ").append(event.getFormattedMessage());
        line.append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    /**
     * The logger's name at most {@link #LOGGER_LENGTH} characters long where possible: packages from the left cut
     * to their first letter until it fits; the class name itself is never cut.
     */
    static String abbreviated(String name) {
        if (name.length() <= LOGGER_LENGTH) {
            return name;
        }
        String[] parts = name.split("\\.");
        int length = name.length();
        StringBuilder shortened = new StringBuilder(name.length());
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean cut = i < parts.length - 1 && length > LOGGER_LENGTH && part.length() > 1;
            if (cut) {
                length -= part.length() - 1;
                part = part.substring(0, 1);
            }
            shortened.append(part);
            if (i < parts.length - 1) {
                shortened.append('.');
            }
        }
        return shortened.toString();
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
