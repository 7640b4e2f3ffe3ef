package dev.eliza.sessions.impl;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/messaging/sessions/:id/messages}: send (three transports) and page through the history. */
@Path("/api/messaging/sessions/{sessionId}/messages")
@ErrorEnvelope(ErrorStyle.SESSIONS)
public final class SessionMessagesResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final List<String> TRANSPORTS = List.of("http", "sse", "websocket", "sync", "stream");

    private final Sessions sessions;
    private final MessageService messages;
    private final SessionSender sender;

    SessionMessagesResource(Sessions sessions, MessageService messages, SessionSender sender) {
        this.sessions = sessions;
        this.messages = messages;
        this.sender = sender;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    public Response send(@PathParam("sessionId") String sessionId, JsonNode body) {
        JsonNode given = body == null ? SessionViews.JSON.createObjectNode() : body;
        String transport = transport(given);
        if (!given.path("content").isTextual()) {
            throw SessionErrors.invalidContent("Invalid message request format");
        }
        SessionRow session = sessions.active(sessionId);
        String content = given.get("content").asText();
        if (content.isBlank()) {
            throw SessionErrors.invalidContent("Content cannot be empty");
        }
        if (content.length() > MessageService.MAX_TEXT_LENGTH) {
            throw SessionErrors.invalidContent("Content exceeds maximum length of " + MessageService.MAX_TEXT_LENGTH
                    + " characters");
        }
        ObjectNode metadata = SessionsResource.metadata(given.get("metadata"));
        JsonNode attachments = given.get("attachments");
        if (attachments != null && !attachments.isNull() && !attachments.isArray()) {
            throw SessionErrors.invalidContent("Attachments must be an array");
        }
        return sender.send(session, transport, content, metadata,
                attachments != null && attachments.isArray() ? attachments : null);
    }

    /** Any other body type, refused in this family's envelope (see {@link SessionsResource#createNotJson()}). */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response sendNotJson() {
        throw SessionErrors.unsupportedMediaType();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode history(@PathParam("sessionId") String sessionId, @QueryParam("limit") String limit,
                              @QueryParam("before") String before, @QueryParam("after") String after) {
        int size = limit(limit);
        OptionalLong beforeMs = timestamp("before", before);
        OptionalLong afterMs = timestamp("after", after);
        SessionRow session = sessions.active(sessionId);
        List<ChannelMessage> page = messages.page(session.channelId(), beforeMs, afterMs, size);
        ObjectNode view = SessionViews.JSON.createObjectNode();
        ArrayNode items = view.putArray("messages");
        page.forEach(m -> items.add(SessionViews.historyItem(m, session.agentId())));
        view.put("hasMore", page.size() == size);
        if (!page.isEmpty()) {
            view.putObject("cursors").put("before", page.get(page.size() - 1).createdAt())
                    .put("after", page.get(0).createdAt());
        }
        return view;
    }

    private static String transport(JsonNode body) {
        JsonNode given = body.hasNonNull("transport") ? body.get("transport") : body.get("mode");
        if (given == null || given.isNull()) {
            return "websocket";
        }
        String name = given.asText().toLowerCase(Locale.ROOT);
        if (!given.isTextual() || !TRANSPORTS.contains(name)) {
            throw SessionErrors.invalidContent("Invalid transport \"" + given.asText() + "\". Must be one of: "
                    + String.join(", ", TRANSPORTS));
        }
        return switch (name) {
            case "sync" -> "http";
            case "stream" -> "sse";
            default -> name;
        };
    }

    private static int limit(String given) {
        if (given == null || given.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (!given.matches("\\d{1,4}") || Integer.parseInt(given) < 1 || Integer.parseInt(given) > MAX_LIMIT) {
            throw SessionErrors.invalidPagination("limit", given, "Must be a number between 1 and " + MAX_LIMIT);
        }
        return Integer.parseInt(given);
    }

    /** Epoch milliseconds or an ISO time, as the api-client sends either. */
    private static OptionalLong timestamp(String name, String given) {
        if (given == null || given.isEmpty()) {
            return OptionalLong.empty();
        }
        if (given.matches("\\d{1,15}")) {
            return OptionalLong.of(Long.parseLong(given));
        }
        try {
            return OptionalLong.of(Instant.parse(given).toEpochMilli());
        } catch (DateTimeParseException e) {
            throw SessionErrors.invalidPagination(name, given, "Must be a valid timestamp");
        }
    }
}
