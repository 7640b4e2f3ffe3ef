package dev.eliza.messaging.impl;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Message servers: {@code /message-servers}, and the deprecated {@code /central-servers} and {@code /servers}
 * (whose list is keyed {@code servers} instead of {@code messageServers}).
 */
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
@Produces(MediaType.APPLICATION_JSON)
public final class ServersResource {
    private static final String BAD_SERVER = "Invalid messageServerId format";

    private final ChannelStore store;
    private final String listKey;

    ServersResource(ChannelStore store, String listKey) {
        this.store = store;
        this.listKey = listKey;
    }

    @GET
    public ApiSuccess<ObjectNode> list() {
        ArrayNode servers = Json.MAPPER.createArrayNode();
        store.servers().forEach(s -> servers.add(Views.server(s)));
        return ApiSuccess.of(Views.of(listKey, servers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode raw) {
        ObjectNode body = Errors.body(raw);
        String name = Errors.text(body, "name").filter(n -> !n.isBlank()).orElse(null);
        String sourceType = Errors.text(body, "sourceType").filter(n -> !n.isBlank()).orElse(null);
        if (name == null || sourceType == null) {
            throw Errors.bad("Missing required fields: name, sourceType");
        }
        ServerRow row = store.createServer(name, sourceType, Errors.text(body, "sourceId").orElse(null),
                Errors.object(body, "metadata").orElse(null));
        return Response.status(201).entity(ApiSuccess.of(Views.of("server", Views.server(row)))).build();
    }

    @DELETE
    @Path("{serverId}")
    public Response delete(@PathParam("serverId") String serverId) {
        UUID id = Errors.id(serverId, BAD_SERVER);
        if (id.equals(ChannelStore.DEFAULT_SERVER)) {
            throw Errors.bad("The default message server cannot be deleted");
        }
        if (!store.deleteServer(id)) {
            throw Errors.notFound("Message server not found");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{serverId}/channels")
    public ApiSuccess<ObjectNode> channels(@PathParam("serverId") String serverId) {
        UUID id = existing(serverId);
        ArrayNode channels = Json.MAPPER.createArrayNode();
        store.channelsOf(id).forEach(c -> channels.add(Views.channel(c)));
        return ApiSuccess.of(Views.of("channels", channels));
    }

    /** Creates the listed channels the server does not have yet (matched by name and type). */
    @POST
    @Path("{serverId}/sync-channels")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> sync(@PathParam("serverId") String serverId, JsonNode raw) {
        UUID id = existing(serverId);
        JsonNode listed = Errors.body(raw).path("channels");
        if (!listed.isArray()) {
            throw Errors.bad("channels must be an array of {name, type, sourceId}");
        }
        for (JsonNode channel : listed) {
            if (!channel.path("name").isTextual() || channel.path("name").asText().isBlank()) {
                throw Errors.bad("channels must be an array of {name, type, sourceId}");
            }
        }
        List<ChannelRow> known = store.channelsOf(id);
        int synced = 0;
        for (JsonNode channel : listed) {
            String name = channel.get("name").asText();
            String type = channel.path("type").asText("GROUP");
            if (known.stream().noneMatch(c -> c.name().equals(name) && c.type().equals(type))) {
                ObjectNode metadata = Json.MAPPER.createObjectNode();
                Errors.text(channel, "sourceId").ifPresent(s -> metadata.put("sourceId", s));
                store.createChannel(UUID.randomUUID(), id, name, type, "sync", metadata, List.of());
            }
            synced++;
        }
        return ApiSuccess.of(Json.MAPPER.createObjectNode().put("synced", synced));
    }

    @GET
    @Path("{serverId}/agents")
    public ApiSuccess<ObjectNode> agents(@PathParam("serverId") String serverId) {
        UUID id = current(serverId);
        ObjectNode data = Json.MAPPER.createObjectNode().put("messageServerId", id.toString());
        data.set("agents", Views.ids(store.agentsOf(id)));
        return ApiSuccess.of(data);
    }

    @POST
    @Path("{serverId}/agents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAgent(@PathParam("serverId") String serverId, JsonNode raw) {
        UUID id = current(serverId);
        UUID agent = Json.uuid(Errors.body(raw), "agentId").orElseThrow(() -> Errors.bad("Invalid agentId format"));
        store.addServerAgent(id, agent);
        return Response.status(201).entity(ApiSuccess.of(agentChange(id, agent, "added to"))).build();
    }

    @DELETE
    @Path("{serverId}/agents/{agentId}")
    public ApiSuccess<ObjectNode> removeAgent(@PathParam("serverId") String serverId,
                                              @PathParam("agentId") String agentId) {
        UUID id = current(serverId);
        UUID agent = Errors.id(agentId, "Invalid agentId format");
        store.removeServerAgent(id, agent);
        return ApiSuccess.of(agentChange(id, agent, "removed from"));
    }

    private static ObjectNode agentChange(UUID server, UUID agent, String what) {
        return Json.MAPPER.createObjectNode().put("messageServerId", server.toString())
                .put("agentId", agent.toString()).put("message", "Agent " + what + " message server successfully");
    }

    private UUID existing(String serverId) {
        UUID id = Errors.id(serverId, BAD_SERVER);
        if (store.server(id).isEmpty()) {
            throw Errors.notFound("Message server not found");
        }
        return id;
    }

    /** 1.7.2 manages the agents of the server it runs as only. */
    private static UUID current(String serverId) {
        UUID id = Errors.id(serverId, BAD_SERVER);
        if (!id.equals(ChannelStore.DEFAULT_SERVER)) {
            throw Errors.forbidden("Cannot access agents for a different server");
        }
        return id;
    }
}
