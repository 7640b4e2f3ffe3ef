package dev.eliza.realtime.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.platform.logging.LogEntry;

/**
 * What a log subscriber wants to hear, as ElizaOS's {@code update_log_filters} sets it: a level name (records at or
 * above it; {@code all} for every record) and an agent name ({@code all} for every agent). Our records carry no
 * agent field, so a named agent matches records whose logger name or message contains that name.
 *
 * @param level {@code all} or a pino level name
 * @param agentName {@code all} or an agent's name
 */
record LogFilter(String level, String agentName) {
    static final LogFilter DEFAULT = new LogFilter("all", "all");
    private static final Map<String, Integer> LEVELS = Map.of("all", 0, "trace", 10, "debug", 20, "info", 30,
            "warn", 40, "error", 50, "fatal", 60);
    private static final int MAX_AGENT_NAME = 200;

    /** This filter with what {@code update} sets changed; empty when it names an unknown level or a bad agent. */
    Optional<LogFilter> updatedBy(JsonNode update) {
        JsonNode newLevel = update.path("level");
        JsonNode newAgent = update.path("agentName");
        if (!newLevel.isMissingNode() && !(newLevel.isTextual() && LEVELS.containsKey(newLevel.asText()))) {
            return Optional.empty();
        }
        if (!newAgent.isMissingNode() && !(newAgent.isTextual() && !newAgent.asText().isBlank()
                && newAgent.asText().length() <= MAX_AGENT_NAME)) {
            return Optional.empty();
        }
        return Optional.of(new LogFilter(newLevel.isMissingNode() ? level : newLevel.asText(),
                newAgent.isMissingNode() ? agentName : newAgent.asText()));
    }

    boolean matches(LogEntry entry) {
        if (entry.level() < LEVELS.get(level)) {
            return false;
        }
        return "all".equals(agentName) || contains(entry.logger(), agentName) || contains(entry.msg(), agentName);
    }

    Map<String, Object> asMap() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("level", level);
        filters.put("agentName", agentName);
        return filters;
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }
}
