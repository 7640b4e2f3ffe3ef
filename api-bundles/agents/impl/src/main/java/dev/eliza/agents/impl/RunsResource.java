package dev.eliza.agents.impl;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentLog;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/agents/:id/runs}: the agent's runs, newest first, and one run with its events. */
@Path("/api/agents/{agentId}/runs")
@Produces(MediaType.APPLICATION_JSON)
public final class RunsResource {
    /** 1.7.2's default and largest page. */
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Set<String> STATUSES = Set.of("started", "completed", "timeout", "error", "all");

    private final AgentDirectory agents;
    private final AgentLogs logs;

    RunsResource(AgentDirectory agents, AgentLogs logs) {
        this.agents = agents;
        this.logs = logs;
    }

    @GET
    public ApiSuccess<Map<String, Object>> list(@PathParam("agentId") String agentId,
                                                @QueryParam("limit") String limit,
                                                @QueryParam("status") String status,
                                                @QueryParam("from") String from,
                                                @QueryParam("to") String to) {
        UUID id = AgentRefs.existing(agents, agentId).id();
        int size = LogsResource.number(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String wanted = Optional.ofNullable(status).filter(s -> !s.isBlank()).orElse("all");
        if (!STATUSES.contains(wanted)) {
            throw ApiException.badRequest("BAD_REQUEST", "status must be one of " + String.join(", ",
                    STATUSES.stream().sorted().toList()));
        }
        long after = from == null || from.isBlank() ? 0 : epoch(from, "from");
        long before = to == null || to.isBlank() ? Long.MAX_VALUE : epoch(to, "to");
        List<ObjectNode> runs = Runs.group(logs.runEntries(id, Optional.empty())).stream()
                .map(run -> Runs.summary(run, true))
                .filter(run -> "all".equals(wanted) || wanted.equals(run.path("status").asText()))
                .filter(run -> run.path("startedAt").asLong() >= after && run.path("startedAt").asLong() <= before)
                .sorted(Comparator.comparingLong((ObjectNode run) -> run.path("startedAt").asLong()).reversed())
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runs", runs.subList(0, Math.min(size, runs.size())));
        data.put("total", runs.size());
        data.put("hasMore", runs.size() > size);
        return ApiSuccess.of(data);
    }

    @GET
    @Path("{runId}")
    public ApiSuccess<Map<String, Object>> get(@PathParam("agentId") String agentId,
                                               @PathParam("runId") String runId) {
        UUID id = AgentRefs.existing(agents, agentId).id();
        UUID run = AgentRefs.other(runId, "Invalid run ID format");
        List<AgentLog> entries = logs.runEntries(id, Optional.of(run));
        if (entries.isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "Run not found");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("summary", Runs.summary(entries, false));
        data.put("events", Runs.events(entries));
        return ApiSuccess.of(data);
    }

    private static long epoch(String text, String name) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below: the text is not a number
        }
        throw ApiException.badRequest("BAD_REQUEST", name + " must be a time in epoch milliseconds");
    }
}
