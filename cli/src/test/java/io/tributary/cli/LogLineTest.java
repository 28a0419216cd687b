package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LogLineTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void writesWhatLogbacksPatternLayoutWritesForTheSamePattern() {
        PatternLayout reference = new PatternLayout();
        reference.setContext(context);
        reference.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        reference.start();
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        List<String> loggers = List.of("io.tributary.source.mysql.BinlogReader", "org.apache.kafka.clients.NetworkClient",
                "io.tributary.cli.TributaryCommand", "short.Name", "Root", "a.b.c.d.e.f.g.h.i.j.k.VeryLongClassNameHere",
                "io.tributary.x");
        long[] times = {0, 1_700_000_000_007L, 1_764_514_799_999L, 1_764_460_800_050L};
        int cases = 0;
        for (String logger : loggers) {
            for (Level level : List.of(Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG)) {
                for (long time : times) {
                    LoggingEvent event = event(logger, level, time, cases % 3 == 0 ? new IllegalStateException("boom")
                            : null);
                    assertThat(line.doLayout(event)).isEqualTo(reference.doLayout(event));
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(loggers.size() * 4 * times.length);
    }

    @Test
    void shortensPackagesToInitialsFromTheLeftUntilTheNameFits() {
        assertThat(LogLine.abbreviated("io.tributary.source.mysql.BinlogReader")).isEqualTo("i.t.s.m.BinlogReader");
        assertThat(LogLine.abbreviated("io.tributary.x")).isEqualTo("io.tributary.x");
        assertThat(LogLine.abbreviated("org.apache.kafka.Admin")).isEqualTo("o.apache.kafka.Admin");
    }

    private LoggingEvent event(String logger, Level level, long time, Throwable thrown) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger(logger), level, "copied {} of {}", thrown,
                new Object[] {3, "orders"});
        event.setTimeStamp(time);
        return event;
    }
}
