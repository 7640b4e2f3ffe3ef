package dev.eliza.bootstrap;

import java.util.Map;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Renders the ids of the log context compactly for text lines, {@code [req=… agent=… channel=…] }, naming only
 * those present, and nothing at all when none is: most lines (start-up, bundles) have no request or agent.
 */
final class LogContextConverter extends ClassicConverter {
    /** MDC keys the bundles set, and the short label each gets in a text line. */
    private static final String[][] KEYS = {{"requestId", "req"}, {"agentId", "agent"}, {"sessionId", "session"},
        {"channelId", "channel"}, {"roomId", "room"}};

    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (String[] key : KEYS) {
            String value = mdc.get(key[0]);
            if (value != null) {
                line.append(line.isEmpty() ? "[" : " ").append(key[1]).append('=').append(value);
            }
        }
        return line.isEmpty() ? "" : line.append("] ").toString();
    }
}
