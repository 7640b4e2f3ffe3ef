package dev.eliza.bootstrap;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

import dev.eliza.platform.logging.LogEntry;

/**
 * Sends all platform logging to the console, {@code logs/platform.log} (rolled at 10 MB) and the log buffer, as
 * text lines (the ids of the log context in brackets) or as one JSON object per line (context ids under {@code mdc}).
 */
final class Logging {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %ids%msg%n";
    /** The access log's logger: one line per request, kept out of the buffer the logs API reads. */
    static final String ACCESS_LOGGER = "eliza.access";

    private Logging() {
    }

    static void configure(String level, LogFormat format, Path logsDir, RingLogBuffer buffer) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("org.glassfish").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.apache.aries.spifly").setLevel(Level.WARN);
        // Flyway narrates every run and logs the JDBC URL; the persistence bundle reports what was applied.
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // Jersey warns about every resource registered as an instance; the registration is intended.
        context.getLogger("org.glassfish.jersey.internal.inject.Providers").setLevel(Level.ERROR);
        context.getLogger("org.glassfish.jersey.message.internal.MessagingBinders").setLevel(Level.ERROR);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setEncoder(encoder(context, format));
        console.start();
        root.addAppender(console);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setFile(logsDir.resolve("platform.log").toString());
        file.setEncoder(encoder(context, format));
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logsDir.resolve("platform.%i.log").toString());
        rolling.setMaxIndex(5);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.setContext(context);
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        root.addAppender(file);

        BufferAppender memory = new BufferAppender(buffer);
        memory.setContext(context);
        memory.start();
        root.addAppender(memory);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        return format == LogFormat.JSON ? json(context) : text(context);
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("ids", LogContextConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    /** Logback's own JSON lines, without what a reader of the log does not need (sequence, nanos, raw args). */
    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    /** Copies each event into the in-memory buffer with pino's numeric levels. */
    private static final class BufferAppender extends AppenderBase<ILoggingEvent> {
        private final RingLogBuffer buffer;

        BufferAppender(RingLogBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        protected void append(ILoggingEvent event) {
            // A line per request would push everything else out of the ring (the web client polls the logs API).
            if (ACCESS_LOGGER.equals(event.getLoggerName())) {
                return;
            }
            buffer.add(new LogEntry(event.getTimeStamp(), pinoLevel(event.getLevel()), event.getFormattedMessage(),
                    event.getLoggerName()));
        }

        private static int pinoLevel(Level level) {
            return switch (level.toInt()) {
                case Level.ERROR_INT -> 50;
                case Level.WARN_INT -> 40;
                case Level.INFO_INT -> 30;
                case Level.DEBUG_INT -> 20;
                default -> 10;
            };
        }
    }
}
