package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentLog;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/agents/:id/logs} with the 1.7.2 shapes ({@code agents_logs*.txt}, {@code agents_log_delete.txt}).
 * Unlike 1.7.2, {@code excludeTypes} is applied before the page is cut, so a page is full when entries remain.
 */
@Path("/api/agents/{agentId}/logs")
@Produces(MediaType.APPLICATION_JSON)
public final class LogsResource {
    /** 1.7.2's default page. */
    static final int DEFAULT_COUNT = 10;
    /** The largest page, so one request cannot read a whole log. */
    static final int MAX_COUNT = 1000;

    private final AgentDirectory agents;
    private final AgentLogs logs;

    LogsResource(AgentDirectory agents, AgentLogs logs) {
        this.agents = agents;
        this.logs = logs;
    }

    @GET
    public ApiSuccess<List<Map<String, Object>>> list(@PathParam("agentId") String agentId,
                                                      @QueryParam("type") String type,
                                                      @QueryParam("roomId") String roomId,
                                                      @QueryParam("excludeTypes") List<String> excludeTypes,
                                                      @QueryParam("count") String count,
                                                      @QueryParam("limit") String limit,
                                                      @QueryParam("offset") String offset) {
        UUID id = AgentRefs.id(agentId);
        Optional<UUID> room = Optional.ofNullable(roomId).map(text -> AgentRefs.other(text, "Invalid room ID format"));
        agents.find(id).orElseThrow(AgentRefs::notFound);
        int size = number(Optional.ofNullable(count).orElse(limit), "count", DEFAULT_COUNT, 1, MAX_COUNT);
        int skip = number(offset, "offset", 0, 0, Integer.MAX_VALUE);
        List<String> excluded = excludeTypes.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(value -> !value.isEmpty()).distinct().toList();
        AgentLogs.Query query = new AgentLogs.Query(Optional.ofNullable(type).filter(t -> !t.isBlank()), room,
                excluded, skip, size);
        return ApiSuccess.of(logs.find(id, query).stream().map(LogsResource::view).toList());
    }

    @DELETE
    @Path("{logId}")
    public Response delete(@PathParam("agentId") String agentId, @PathParam("logId") String logId) {
        UUID log = Uuids.parse(logId)
                .orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid agent or log ID format"));
        UUID id = Uuids.parse(agentId)
                .orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid agent or log ID format"));
        agents.find(id).orElseThrow(AgentRefs::notFound);
        if (!logs.delete(id, log)) {
            throw ApiException.notFound("NOT_FOUND", "Log not found");
        }
        return Response.noContent().build();
    }

    /** An entry as 1.7.2 shows it: ISO time, the body as written. */
    static Map<String, Object> view(AgentLog entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id().toString());
        view.put("createdAt", IsoTimes.format(Instant.ofEpochMilli(entry.createdAt())));
        view.put("entityId", entry.entityId().toString());
        view.put("body", entry.body());
        view.put("type", entry.type());
        view.put("roomId", entry.roomId().map(UUID::toString).orElse(null));
        return view;
    }

    static int number(String text, String name, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return Math.min(value, max);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below: the text is not a number
        }
        throw ApiException.badRequest("BAD_REQUEST", name + " must be an integer of at least " + min);
    }
}
