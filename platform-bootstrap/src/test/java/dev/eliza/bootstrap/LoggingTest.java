package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.LoggerContext;
import dev.eliza.platform.logging.LogEntry;

class LoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logs;

    @AfterEach
    void closeTheLogFile() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    @Test
    void jsonFormatWritesOneParseableObjectPerLineWithTheContextIds() throws Exception {
        Logging.configure("info", LogFormat.JSON, logs, new RingLogBuffer(10));
        Logger log = LoggerFactory.getLogger("dev.eliza.test");
        try (MDC.MDCCloseable agent = MDC.putCloseable("agentId", "a-1");
             MDC.MDCCloseable channel = MDC.putCloseable("channelId", "c-1")) {
            log.info("replied to \"{}\"", "hello\nthere");
        }
        log.warn("no context", new IllegalStateException("broken"));

        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("loggerName").asText()).isEqualTo("dev.eliza.test");
        assertThat(first.path("threadName").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(first.path("timestamp").asLong()).isPositive();
        assertThat(first.path("formattedMessage").asText()).isEqualTo("replied to \"hello\nthere\"");
        assertThat(first.at("/mdc/agentId").asText()).isEqualTo("a-1");
        assertThat(first.at("/mdc/channelId").asText()).isEqualTo("c-1");
        JsonNode second = lines.get(1);
        assertThat(second.path("mdc").isEmpty()).isTrue();
        assertThat(second.at("/throwable/className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(second.at("/throwable/message").asText()).isEqualTo("broken");
    }

    @Test
    void textFormatShowsThePresentIdsCompactlyAndNothingWhenThereAreNone() throws Exception {
        Logging.configure("info", LogFormat.TEXT, logs, new RingLogBuffer(10));
        Logger log = LoggerFactory.getLogger("dev.eliza.test");
        try (MDC.MDCCloseable agent = MDC.putCloseable("agentId", "a-1");
             MDC.MDCCloseable session = MDC.putCloseable("sessionId", "s-1");
             MDC.MDCCloseable other = MDC.putCloseable("unrelated", "x")) {
            log.info("with ids");
        }
        log.info("without ids");

        List<String> lines = Files.readAllLines(logs.resolve("platform.log"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith("dev.eliza.test - [agent=a-1 session=s-1] with ids");
        assertThat(lines.get(1)).endsWith("dev.eliza.test - without ids");
    }

    @Test
    void accessLinesStayOutOfTheBufferTheLogsApiReads() {
        RingLogBuffer buffer = new RingLogBuffer(10);
        Logging.configure("info", LogFormat.TEXT, logs, buffer);
        LoggerFactory.getLogger(Logging.ACCESS_LOGGER).info("GET /api/server/logs 200");
        LoggerFactory.getLogger("dev.eliza.test").info("kept");
        assertThat(buffer.recent(10, 0)).extracting(LogEntry::msg).containsExactly("kept");
    }

    @Test
    void theFormatSettingIsTextOrJsonAndNothingElse() {
        assertThat(LogFormat.parse("")).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.parse("Text")).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.parse(" json ")).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessage("LOG_FORMAT must be text or json, not 'xml'");
    }

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(logs.resolve("platform.log"), StandardCharsets.UTF_8)) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }
}
