package io.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Jetty's DEBUG and TRACE lines whatever level its loggers are given: at those levels Jetty's HTTP parser and
 * connections print each request's raw bytes and headers, the {@code Authorization} header with its credentials
 * among them. Jetty's INFO, WARN and ERROR lines pass.
 */
final class JettyDebugFilter extends TurboFilter {
    static final String JETTY = "org.eclipse.jetty";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        return level != null && !level.isGreaterOrEqual(Level.INFO) && isJetty(logger.getName()) ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }

    private static boolean isJetty(String name) {
        return name.startsWith(JETTY) && (name.length() == JETTY.length() || name.charAt(JETTY.length()) == '.');
    }
}
