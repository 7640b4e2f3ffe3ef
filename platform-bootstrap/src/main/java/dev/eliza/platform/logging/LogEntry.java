package dev.eliza.platform.logging;

/**
 * One log record, in the shape ElizaOS clients read from {@code /api/server/logs}.
 *
 * @param time epoch milliseconds
 * @param level pino's numeric level: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal
 * @param msg the formatted message
 * @param logger the name of the logger that wrote it
 */
public record LogEntry(long time, int level, String msg, String logger) {
}
