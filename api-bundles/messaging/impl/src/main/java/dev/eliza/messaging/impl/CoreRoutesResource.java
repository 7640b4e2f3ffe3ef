package dev.eliza.messaging.impl;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The messaging core routes: {@code /submit}, {@code /action}, {@code /ingest-external}, {@code /complete}. */
@Path("/api/messaging")
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CoreRoutesResource {
    private static final List<String> SUBMIT_FIELDS =
            List.of("channel_id", "message_server_id", "author_id", "content", "source_type", "raw_message");

    private final MessagingCore core;

    CoreRoutesResource(MessagingCore core) {
        this.core = core;
    }

    @POST
    @Path("submit")
    public Response submit(JsonNode raw) {
        return Response.status(201).entity(ApiSuccess.of(Views.submitted(
                store(Errors.body(raw), MessageOrigin.SUBMIT, "agent_response"), false))).build();
    }

    @POST
    @Path("action")
    public Response action(JsonNode raw) {
        return Response.status(201).entity(ApiSuccess.of(Views.submitted(
                store(Errors.body(raw), MessageOrigin.ACTION, "agent_action"), false))).build();
    }

    @PATCH
    @Path("action/{messageId}")
    public ApiSuccess<ObjectNode> updateAction(@PathParam("messageId") String messageId, JsonNode raw) {
        UUID id = Errors.id(messageId, "Invalid messageId");
        ObjectNode body = Errors.body(raw);
        MessageRow row = core.messages().message(id).orElseThrow(() -> Errors.notFound("Message not found"));
        String content = Errors.text(body, "content").orElse(row.content());
        checked(content);
        Optional<String> rawMessage = Errors.object(body, "raw_message").map(Json::write);
        MessageRow updated = core.messages().update(id, content, rawMessage, core.channels().now())
                .orElseThrow(() -> Errors.notFound("Message not found"));
        return ApiSuccess.of(Views.submitted(updated, true));
    }

    @POST
    @Path("ingest-external")
    public Response ingest(JsonNode raw) {
        ObjectNode body = Errors.body(raw);
        if (Json.uuid(body, "channel_id").isEmpty() || Json.uuid(body, "author_id").isEmpty()
                || !body.path("content").isTextual()) {
            throw Errors.bad("Invalid external message payload");
        }
        if (!body.has("message_server_id")) {
            body.put("message_server_id", ChannelStore.DEFAULT_SERVER.toString());
        }
        MessageRow row = store(body, MessageOrigin.INGEST, "external");
        ObjectNode answer = Json.MAPPER.createObjectNode().put("success", true)
                .put("message", "Message ingested and published to bus");
        answer.set("data", Json.MAPPER.createObjectNode().put("messageId", row.id().toString()));
        return Response.status(202).entity(answer).build();
    }

    /** An agent (or the api-client) saying a message is dealt with: the room's input is enabled again. */
    @POST
    @Path("complete")
    public ApiSuccess<ObjectNode> complete(JsonNode raw) {
        ObjectNode body = Errors.body(raw);
        Optional<UUID> messageId = Json.uuid(body, "messageId");
        Optional<UUID> channelId = Json.uuid(body, "channel_id").or(() -> Json.uuid(body, "channelId"))
                .or(() -> messageId.flatMap(core.messages()::message).map(MessageRow::channelId));
        if (messageId.isEmpty() && channelId.isEmpty()) {
            throw Errors.bad("Missing required fields: messageId or channel_id");
        }
        UUID channel = channelId.filter(id -> core.channels().channel(id).isPresent())
                .orElseThrow(() -> Errors.notFound(messageId.isPresent() ? "Message not found" : "Channel not found"));
        ObjectNode event = Json.MAPPER.createObjectNode().put("channelId", channel.toString());
        messageId.ifPresent(id -> event.put("messageId", id.toString()));
        core.broadcasts().change(channel, "messageComplete", event);
        core.broadcasts().change(channel, "controlMessage", Json.MAPPER.createObjectNode()
                .put("action", "enable_input").put("channelId", channel.toString()));
        return ApiSuccess.of(event);
    }

    private MessageRow store(ObjectNode body, MessageOrigin origin, String defaultSource) {
        if (body.has("server_id") && !body.has("message_server_id")) {
            body.set("message_server_id", body.get("server_id"));
        }
        List<String> missing = SUBMIT_FIELDS.stream().filter(f -> origin == MessageOrigin.SUBMIT
                ? !body.hasNonNull(f) : !f.equals("raw_message") && !f.equals("source_type") && !body.hasNonNull(f))
                .toList();
        if (!missing.isEmpty()) {
            throw Errors.bad("Missing required fields: " + String.join(", ",
                    origin == MessageOrigin.SUBMIT ? SUBMIT_FIELDS : missing));
        }
        UUID channel = Json.uuid(body, "channel_id").orElseThrow(() -> Errors.bad("Invalid channel_id format"));
        UUID server = Json.uuid(body, "message_server_id")
                .orElseThrow(() -> Errors.bad("Invalid message_server_id format"));
        UUID author = Json.uuid(body, "author_id").orElseThrow(() -> Errors.bad("Invalid author_id format"));
        if (!body.get("content").isTextual()) {
            throw Errors.bad("content must be a non-empty string");
        }
        if (core.channels().server(server).isEmpty()) {
            throw Errors.notFound("Server " + server + " does not exist");
        }
        ObjectNode metadata = Errors.object(body, "metadata").orElseGet(Json.MAPPER::createObjectNode);
        String name = Errors.text(body, "author_display_name").or(() -> Errors.text(metadata, "agentName")).orElse("");
        NewMessage message = new NewMessage(channel, server, author, name, body.get("content").asText(),
                Errors.text(body, "source_type").orElse(defaultSource), metadata,
                body.path("attachments").isArray() ? body.get("attachments") : null, origin, Optional.empty(),
                origin == MessageOrigin.INGEST);
        Optional<JsonNode> rawMessage = Optional.of(body.path("raw_message")).filter(JsonNode::isObject);
        try {
            return core.post(message, rawMessage.or(() -> Optional.of(Json.MAPPER.createObjectNode())),
                    Json.uuid(body, "in_reply_to_message_id"), Errors.text(body, "source_id")).row();
        } catch (InvalidMessageException e) {
            throw Errors.bad(e.getMessage());
        } catch (UnknownChannelException e) {
            throw Errors.notFound("Channel not found");
        }
    }

    private static void checked(String content) {
        try {
            Posting.checkedText(content);
        } catch (InvalidMessageException e) {
            throw Errors.bad(e.getMessage());
        }
    }
}
