package dev.eliza.memory.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What the documents promise and 1.7.2 lacks: {@code GET /api/memory/:agentId/stats} (counts by type, room and
 * UTC day) and {@code /insights} (the most frequent topic words of recent memories, the most active rooms).
 */
@Path("/api/memory/{agentId}/{view: stats|insights}")
@Produces(MediaType.APPLICATION_JSON)
public final class AnalyticsResource {
    static final int ROOMS = 100;
    static final int DAYS = 90;
    /** Insights read the newest memories only, so they stay cheap for an agent with a long past. */
    static final int RECENT = 2000;

    private final AgentDirectory agents;
    private final MemoryStore store;

    AnalyticsResource(AgentDirectory agents, MemoryStore store) {
        this.agents = agents;
        this.store = store;
    }

    @GET
    public ApiSuccess<Map<String, Object>> get(@PathParam("agentId") String agentText,
                                               @PathParam("view") String view, @QueryParam("limit") String limit) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        return ApiSuccess.of("stats".equals(view) ? stats(agentId)
                : insights(agentId, Requests.limit(limit, 10)));
    }

    private Map<String, Object> stats(UUID agentId) {
        Map<String, Long> byType = counts(store.read(m -> m.countByType(agentId)));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("agentId", agentId.toString());
        stats.put("total", byType.values().stream().mapToLong(Long::longValue).sum());
        stats.put("embedded", store.read(m -> m.countEmbedded(agentId)));
        stats.put("byType", byType);
        stats.put("byRoom", counts(store.read(m -> m.countByRoom(agentId, ROOMS))));
        stats.put("byDay", counts(store.read(m -> m.countByDay(agentId, DAYS))));
        return stats;
    }

    private Map<String, Object> insights(UUID agentId, int limit) {
        List<String> texts = store.read(m -> m.recentTexts(agentId, RECENT));
        Map<String, Object> insights = new LinkedHashMap<>();
        insights.put("agentId", agentId.toString());
        insights.put("analyzed", texts.size());
        insights.put("topTopics", Topics.top(texts, limit).entrySet().stream()
                .map(e -> MemoryViews.ordered("topic", e.getKey(), "count", e.getValue())).toList());
        insights.put("activeRooms", store.read(m -> m.countByRoom(agentId, limit)).stream()
                .map(row -> MemoryViews.ordered("roomId", row.name(), "count", row.total())).toList());
        return insights;
    }

    private static Map<String, Long> counts(List<CountRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(row.name(), row.total()));
        return counts;
    }
}
