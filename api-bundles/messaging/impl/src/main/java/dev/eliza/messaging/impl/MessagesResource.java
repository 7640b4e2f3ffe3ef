package dev.eliza.messaging.impl;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import dev.eliza.messaging.api.InvalidMessageException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /messages}: one message with its deliveries, its edit, and full-text search (the api-client's routes). */
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
@Produces(MediaType.APPLICATION_JSON)
public final class MessagesResource {
    private final MessageStore store;
    private final ChannelStore clock;

    MessagesResource(MessageStore store, ChannelStore clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Path("{messageId}")
    public ApiSuccess<ObjectNode> get(@PathParam("messageId") String messageId) {
        MessageRow row = existing(messageId);
        ObjectNode view = Views.message(row);
        ArrayNode deliveries = Json.MAPPER.createArrayNode();
        store.deliveries(row.id()).forEach(d -> deliveries.add(Views.delivery(d)));
        view.set("deliveries", deliveries);
        return ApiSuccess.of(view);
    }

    @PATCH
    @Path("{messageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> update(@PathParam("messageId") String messageId, JsonNode raw) {
        MessageRow row = existing(messageId);
        JsonNode content = Errors.body(raw).path("content");
        if (!content.isTextual()) {
            throw Errors.bad("content must be a non-empty string");
        }
        try {
            Posting.checkedText(content.asText());
        } catch (InvalidMessageException e) {
            throw Errors.bad(e.getMessage());
        }
        return ApiSuccess.of(Views.message(store.update(row.id(), content.asText(), Optional.empty(), clock.now())
                .orElseThrow(() -> Errors.notFound("Message not found"))));
    }

    /** {@code {query, channelId?, messageServerId?|serverId?, authorId?, limit?, offset?}}, best match first. */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> search(JsonNode raw) {
        ObjectNode body = Errors.body(raw);
        String query = Errors.text(body, "query").filter(q -> !q.isBlank())
                .orElseThrow(() -> Errors.bad("query must be a non-empty string"));
        Optional<UUID> channel = optionalId(body, "channelId");
        Optional<UUID> server = optionalId(body, "messageServerId").or(() -> optionalId(body, "serverId"));
        Optional<UUID> author = optionalId(body, "authorId");
        int limit = ChannelMessagesResource.limit(body.path("limit").isNumber() ? body.get("limit").asText() : null);
        int offset = Math.max(0, body.path("offset").asInt(0));
        return ApiSuccess.of(Views.messages(store.search(query, channel, server, author, limit, offset)));
    }

    private static Optional<UUID> optionalId(ObjectNode body, String field) {
        if (!body.has(field) || body.get(field).isNull()) {
            return Optional.empty();
        }
        return Optional.of(Json.uuid(body, field).orElseThrow(() -> Errors.bad("Invalid " + field)));
    }

    private MessageRow existing(String messageId) {
        return store.message(Errors.id(messageId, "Invalid messageId"))
                .orElseThrow(() -> Errors.notFound("Message not found"));
    }
}
