package dev.eliza.server.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.ApiException;
import dev.eliza.platform.logging.LogBuffer;
import dev.eliza.platform.logging.LogEntry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/server/logs}: the recent platform log records (GET or POST with filters) and clearing them. */
@Path("/api/server/logs")
@Produces(MediaType.APPLICATION_JSON)
public final class LogsResource {
    static final List<String> LEVELS =
            List.of("fatal", "error", "warn", "info", "log", "progress", "success", "debug", "trace");
    private static final Map<String, Integer> MIN_LEVEL = Map.of("all", 0, "trace", 10, "debug", 20, "info", 30,
            "log", 30, "progress", 30, "success", 30, "warn", 40, "error", 50, "fatal", 60);
    private static final int MAX_LIMIT = 1000;

    private final PlatformState platform;

    LogsResource(PlatformState platform) {
        this.platform = platform;
    }

    @GET
    public Map<String, Object> get(@QueryParam("limit") String limit, @QueryParam("level") String level,
                                   @QueryParam("agentName") String agentName, @QueryParam("agentId") String agentId) {
        return logs(limit, level, agentName, agentId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> post(JsonNode filters) {
        JsonNode f = filters == null ? com.fasterxml.jackson.databind.node.NullNode.instance : filters;
        return logs(text(f, "limit"), text(f, "level"), text(f, "agentName"), text(f, "agentId"));
    }

    @DELETE
    public Map<String, String> clear() {
        buffer().clear();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", "Logs cleared successfully");
        return body;
    }

    private Map<String, Object> logs(String limitText, String levelText, String agentName, String agentId) {
        int limit = parseLimit(limitText);
        String level = levelText == null || levelText.isBlank() ? "all" : levelText.toLowerCase();
        Integer minLevel = MIN_LEVEL.get(level);
        if (minLevel == null) {
            throw ApiException.badRequest("INVALID_LEVEL", "Unknown log level '" + levelText + "'; use one of "
                    + LEVELS + " or all");
        }
        LogBuffer buffer = buffer();
        List<Map<String, Object>> records = buffer.recent(limit, minLevel).stream().map(LogsResource::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logs", records);
        body.put("count", records.size());
        body.put("total", buffer.size());
        body.put("requestedLevel", level);
        body.put("agentName", agentName == null ? "all" : agentName);
        body.put("agentId", agentId == null ? "all" : agentId);
        body.put("levels", LEVELS);
        return body;
    }

    private LogBuffer buffer() {
        return platform.logs().orElseThrow(() -> new ApiException(503, "SERVICE_UNAVAILABLE",
                "The log buffer is not available"));
    }

    private static int parseLimit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_LIMIT", "limit must be a positive whole number");
        }
    }

    private static String text(JsonNode filters, String field) {
        JsonNode value = filters.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, Object> view(LogEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("time", entry.time());
        view.put("level", entry.level());
        view.put("msg", entry.msg());
        return view;
    }
}
