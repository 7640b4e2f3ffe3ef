package dev.eliza.sessions.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.sessions.api.TimeoutConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/messaging/sessions}: create, read, list, health, renew, heartbeat, timeout, delete. */
@Path("/api/messaging/sessions")
@Produces(MediaType.APPLICATION_JSON)
@ErrorEnvelope(ErrorStyle.SESSIONS)
public final class SessionsResource {
    /** The largest metadata accepted, serialised, as 1.7.2. */
    static final int MAX_METADATA_BYTES = 10240;

    private final Sessions sessions;
    private final AgentDirectory agents;
    private final MessageService messages;
    private final Instant started;

    SessionsResource(Sessions sessions, AgentDirectory agents, MessageService messages) {
        this.sessions = sessions;
        this.agents = agents;
        this.messages = messages;
        this.started = sessions.now();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        JsonNode given = body == null ? SessionViews.JSON.createObjectNode() : body;
        List<String> missing = new ArrayList<>();
        for (String field : List.of("agentId", "userId")) {
            if (!given.hasNonNull(field) || given.get(field).asText().isEmpty()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw SessionErrors.missingFields(missing);
        }
        UUID agentId = uuid(given, "agentId");
        UUID userId = uuid(given, "userId");
        ObjectNode metadata = metadata(given.get("metadata"));
        TimeoutConfig config = sessions.policy().forCreate(given.get("timeoutConfig"));
        if (!agents.exists(agentId)) {
            throw SessionErrors.agentNotFound(agentId.toString());
        }
        SessionRow row = sessions.create(agentId, userId, metadata, config, messages);
        return Response.status(201).entity(SessionViews.created(row)).build();
    }

    /** Any other body type: Jersey would refuse it before knowing the route family, so its envelope. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response createNotJson() {
        throw SessionErrors.unsupportedMediaType();
    }

    @GET
    @Path("health")
    public ObjectNode health() {
        Instant now = sessions.now();
        List<SessionRow> live = live(now);
        ObjectNode view = SessionViews.JSON.createObjectNode();
        view.put("status", "healthy");
        view.put("activeSessions", live.size());
        view.put("timestamp", Iso.of(now));
        view.put("expiringSoon", live.stream().filter(r -> SessionViews.nearExpiration(r, now)).count());
        view.put("uptime", Duration.between(started, now).toMillis() / 1000.0);
        return view;
    }

    @GET
    public ObjectNode list() {
        Instant now = sessions.now();
        List<SessionRow> all = sessions.all();
        List<SessionRow> live = all.stream().filter(r -> now.isBefore(r.expiresAt())).toList();
        ObjectNode view = SessionViews.JSON.createObjectNode();
        ArrayNode items = view.putArray("sessions");
        live.forEach(r -> items.add(SessionViews.info(r, now)));
        view.put("total", live.size());
        view.putObject("stats").put("totalSessions", all.size()).put("activeSessions", live.size())
                .put("expiredSessions", all.size() - live.size());
        return view;
    }

    @GET
    @Path("{sessionId}")
    public ObjectNode get(@PathParam("sessionId") String sessionId) {
        return SessionViews.info(sessions.active(sessionId), sessions.now());
    }

    @POST
    @Path("{sessionId}/renew")
    public ObjectNode renew(@PathParam("sessionId") String sessionId) {
        return SessionViews.info(sessions.renew(sessionId), sessions.now());
    }

    @POST
    @Path("{sessionId}/heartbeat")
    public ObjectNode heartbeat(@PathParam("sessionId") String sessionId) {
        return SessionViews.info(sessions.touch(sessionId).row(), sessions.now());
    }

    @PATCH
    @Path("{sessionId}/timeout")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode timeout(@PathParam("sessionId") String sessionId, JsonNode body) {
        JsonNode given = body == null ? SessionViews.JSON.createObjectNode() : body;
        return SessionViews.info(sessions.updateTimeout(sessionId, given), sessions.now());
    }

    @PATCH
    @Path("{sessionId}/timeout")
    @Consumes(MediaType.WILDCARD)
    public Response timeoutNotJson() {
        throw SessionErrors.unsupportedMediaType();
    }

    @DELETE
    @Path("{sessionId}")
    public ObjectNode delete(@PathParam("sessionId") String sessionId) {
        sessions.delete(sessionId);
        return SessionViews.JSON.createObjectNode().put("success", true)
                .put("message", "Session " + sessionId + " deleted successfully");
    }

    /** A metadata object within the size limit; none is an empty object. */
    static ObjectNode metadata(JsonNode given) {
        if (given == null || given.isNull()) {
            return SessionViews.JSON.createObjectNode();
        }
        if (!given.isObject()) {
            throw SessionErrors.invalidMetadata("Metadata must be an object", given);
        }
        if (given.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw SessionErrors.invalidMetadata("Metadata exceeds maximum size of " + MAX_METADATA_BYTES + " bytes",
                    given);
        }
        return (ObjectNode) given;
    }

    private List<SessionRow> live(Instant now) {
        return sessions.all().stream().filter(r -> now.isBefore(r.expiresAt())).toList();
    }

    private static UUID uuid(JsonNode body, String field) {
        String value = body.get(field).asText();
        return Sessions.parse(value).orElseThrow(() -> SessionErrors.invalidUuid(field, value));
    }
}
