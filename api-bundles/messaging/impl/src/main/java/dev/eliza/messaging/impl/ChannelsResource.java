package dev.eliza.messaging.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import dev.eliza.messaging.api.ChannelTitles;
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

/**
 * Channels: {@code /channels} and the deprecated {@code /central-channels}; their messages are in
 * {@link ChannelMessagesResource}.
 */
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelsResource {
    static final String BAD_CHANNEL = "Invalid channelId";
    private static final String BAD_PAYLOAD = "Invalid payload. Required: name, message_server_id (UUID), "
            + "participantCentralUserIds (array of UUIDs). Optional: type, metadata.";

    private final MessagingCore core;
    private final ChannelStore store;
    private final Supplier<Optional<ChannelTitles>> titles;

    ChannelsResource(MessagingCore core, Supplier<Optional<ChannelTitles>> titles) {
        this.core = core;
        this.store = core.channels();
        this.titles = titles;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode raw) {
        ObjectNode body = Errors.body(raw);
        UUID server = Json.uuid(body, "message_server_id")
                .orElseThrow(() -> Errors.bad("Invalid message_server_id format"));
        String name = Errors.text(body, "name").filter(n -> !n.isBlank()).orElseThrow(() -> Errors.bad(BAD_PAYLOAD));
        List<UUID> participants = participants(body.path("participantCentralUserIds"))
                .orElseThrow(() -> Errors.bad(BAD_PAYLOAD));
        JsonNode metadata = body.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isNull() && !metadata.isObject()) {
            throw Errors.bad(BAD_PAYLOAD);
        }
        if (store.server(server).isEmpty()) {
            throw Errors.notFound("Message server not found");
        }
        String type = Errors.text(body, "type").filter(t -> !t.isBlank()).orElse("GROUP");
        ObjectNode given = metadata.isObject() ? (ObjectNode) metadata : Json.MAPPER.createObjectNode();
        ChannelRow row = store.createChannel(UUID.randomUUID(), server, name, type, null, given, participants)
                .channel();
        return Response.status(201).entity(ApiSuccess.of(Views.channel(row))).build();
    }

    /** The channels of the server this process runs as (the documents' {@code /channels/central}). */
    @GET
    @Path("central")
    public ApiSuccess<ObjectNode> central() {
        ArrayNode channels = Json.MAPPER.createArrayNode();
        store.channelsOf(ChannelStore.DEFAULT_SERVER).forEach(c -> channels.add(Views.channel(c)));
        return ApiSuccess.of(Views.of("channels", channels));
    }

    @GET
    @Path("{channelId}/details")
    public ApiSuccess<ObjectNode> details(@PathParam("channelId") String channelId) {
        return ApiSuccess.of(Views.channel(existing(channelId)));
    }

    @GET
    @Path("{channelId}/info")
    public ApiSuccess<ObjectNode> info(@PathParam("channelId") String channelId) {
        ChannelRow channel = existing(channelId);
        ObjectNode view = Views.channel(channel);
        view.set("participants", Views.ids(store.participants(channel.id())));
        return ApiSuccess.of(view);
    }

    @GET
    @Path("{channelId}/participants")
    public ApiSuccess<ArrayNode> participants(@PathParam("channelId") String channelId) {
        return ApiSuccess.of(Views.ids(store.participants(existing(channelId).id())));
    }

    @GET
    @Path("{channelId}/agents")
    public ApiSuccess<ObjectNode> agents(@PathParam("channelId") String channelId) {
        ChannelRow channel = existing(channelId);
        ObjectNode data = Json.MAPPER.createObjectNode().put("channelId", channel.id().toString());
        data.set("participants", Views.ids(store.participants(channel.id())));
        return ApiSuccess.of(data);
    }

    @POST
    @Path("{channelId}/agents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAgent(@PathParam("channelId") String channelId, JsonNode raw) {
        UUID channel = Errors.id(channelId, BAD_CHANNEL);
        UUID agent = Json.uuid(Errors.body(raw), "agentId").orElseThrow(() -> Errors.bad("Invalid agentId format"));
        existing(channelId);
        store.addParticipant(channel, agent);
        return Response.status(201).entity(ApiSuccess.of(agentChange(channel, agent, "added to"))).build();
    }

    @DELETE
    @Path("{channelId}/agents/{agentId}")
    public ApiSuccess<ObjectNode> removeAgent(@PathParam("channelId") String channelId,
                                              @PathParam("agentId") String agentId) {
        UUID channel = existing(channelId).id();
        UUID agent = Errors.id(agentId, "Invalid agentId format");
        if (!store.removeParticipant(channel, agent)) {
            throw Errors.notFound("Agent is not a participant in this channel");
        }
        return ApiSuccess.of(agentChange(channel, agent, "removed from"));
    }

    @PATCH
    @Path("{channelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> update(@PathParam("channelId") String channelId, JsonNode raw) {
        ChannelRow channel = existing(channelId);
        ObjectNode body = Errors.body(raw);
        JsonNode name = body.path("name");
        JsonNode metadata = body.path("metadata");
        if ((!name.isMissingNode() && (!name.isTextual() || name.asText().isBlank()))
                || (!metadata.isMissingNode() && !metadata.isObject())) {
            throw Errors.bad("name must be a non-empty string and metadata an object");
        }
        Optional<List<UUID>> participants = body.has("participantCentralUserIds")
                ? Optional.of(participants(body.get("participantCentralUserIds"))
                        .orElseThrow(() -> Errors.bad("participantCentralUserIds must be an array of UUIDs")))
                : Optional.empty();
        ChannelRow updated = store.updateChannel(channel.id(), name.isTextual() ? name.asText() : channel.name(),
                        metadata.isObject() ? (ObjectNode) metadata : Json.object(channel.metadataJson()),
                        participants)
                .orElseThrow(() -> Errors.notFound("Channel not found"));
        ObjectNode event = Json.MAPPER.createObjectNode().put("channelId", channel.id().toString());
        event.set("updates", body);
        core.broadcasts().change(channel.id(), "channelUpdated", event);
        return ApiSuccess.of(Views.channel(updated));
    }

    @DELETE
    @Path("{channelId}")
    public Response delete(@PathParam("channelId") String channelId) {
        UUID channel = Errors.id(channelId, BAD_CHANNEL);
        if (!store.deleteChannel(channel)) {
            throw Errors.notFound("Channel not found");
        }
        core.broadcasts().change(channel, "channelDeleted",
                Json.MAPPER.createObjectNode().put("channelId", channel.toString()));
        return Response.noContent().build();
    }

    @POST
    @Path("{channelId}/generate-title")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> generateTitle(@PathParam("channelId") String channelId, JsonNode raw) {
        UUID agent = Json.uuid(Errors.body(raw), "agentId").orElseThrow(() -> Errors.bad("Valid agent ID is required"));
        ChannelRow channel = existing(channelId);
        Optional<String> title = titles.get().flatMap(t -> t.title(agent, core.recent(channel.id(), 20)));
        ObjectNode data = Json.MAPPER.createObjectNode();
        title.ifPresentOrElse(t -> data.put("title", t), () -> data.putNull("title"));
        data.put("channelId", channel.id().toString());
        return ApiSuccess.of(data);
    }

    private ChannelRow existing(String channelId) {
        return store.channel(Errors.id(channelId, BAD_CHANNEL)).orElseThrow(() -> Errors.notFound("Channel not found"));
    }

    /** The participant list: absent is none, anything but an array of UUID strings is refused. */
    private static Optional<List<UUID>> participants(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return Optional.of(List.of());
        }
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : list) {
            Optional<UUID> id = item.isTextual() ? Json.uuid(item.asText()) : Optional.empty();
            if (id.isEmpty()) {
                return Optional.empty();
            }
            if (!ids.contains(id.get())) {
                ids.add(id.get());
            }
        }
        return Optional.of(ids);
    }

    private static ObjectNode agentChange(UUID channel, UUID agent, String what) {
        return Json.MAPPER.createObjectNode().put("channelId", channel.toString()).put("agentId", agent.toString())
                .put("message", "Agent " + what + " channel successfully");
    }
}
