package dev.eliza.messaging.impl;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/messaging}: the root, which hands each family to its resource (the deprecated names to the same
 * one) and serves the few single routes itself.
 */
@Path("/api/messaging")
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
@Produces(MediaType.APPLICATION_JSON)
public final class MessagingResource {
    private final ChannelStore store;
    private final ServersResource servers;
    private final ServersResource legacyServers;
    private final ChannelsResource channels;
    private final ChannelMessagesResource channelMessages;
    private final MessagesResource messages;

    MessagingResource(ChannelStore store, ServersResource servers, ServersResource legacyServers,
                      ChannelsResource channels, ChannelMessagesResource channelMessages, MessagesResource messages) {
        this.store = store;
        this.servers = servers;
        this.legacyServers = legacyServers;
        this.channels = channels;
        this.channelMessages = channelMessages;
        this.messages = messages;
    }

    @Path("message-servers")
    public ServersResource servers() {
        return servers;
    }

    @Path("central-servers")
    public ServersResource centralServers() {
        return legacyServers;
    }

    @Path("servers")
    public ServersResource legacyServers() {
        return legacyServers;
    }

    @Path("channels")
    public ChannelsResource channels() {
        return channels;
    }

    @Path("central-channels")
    public ChannelsResource centralChannels() {
        return channels;
    }

    @Path("channels/{channelId}/messages")
    public ChannelMessagesResource channelMessages() {
        return channelMessages;
    }

    @Path("central-channels/{channelId}/messages")
    public ChannelMessagesResource centralChannelMessages() {
        return channelMessages;
    }

    @Path("messages")
    public MessagesResource messages() {
        return messages;
    }

    @GET
    @Path("message-server/current")
    public ApiSuccess<ObjectNode> current() {
        return ApiSuccess.of(Json.MAPPER.createObjectNode()
                .put("messageServerId", ChannelStore.DEFAULT_SERVER.toString()));
    }

    @GET
    @Path("agents/{agentId}/message-servers")
    public ApiSuccess<ObjectNode> serversOfAgent(@PathParam("agentId") String agentId) {
        UUID agent = Errors.id(agentId, "Invalid agentId format");
        ObjectNode data = Json.MAPPER.createObjectNode().put("agentId", agent.toString());
        data.set("messageServers", Views.ids(store.serversOf(agent)));
        return ApiSuccess.of(data);
    }

    /** The DM channel of two people, created on first use; the same channel however often it is asked for. */
    @GET
    @Path("dm-channel")
    @Operation(summary = "The DM channel of two people, created on first use")
    @ApiResponse(responseCode = "200", description = "The channel")
    @ApiResponse(responseCode = "400", description = "An id is missing or not a UUID, or both ids are the same")
    @ApiResponse(responseCode = "404", description = "No such message server")
    public ApiSuccess<ObjectNode> dm(@Parameter(required = true) @QueryParam("currentUserId") String currentUserId,
                                     @Parameter(required = true) @QueryParam("targetUserId") String targetUserId,
                                     @QueryParam("dmServerId") String dmServerId) {
        if (currentUserId == null || targetUserId == null) {
            throw Errors.bad("Missing targetUserId or currentUserId");
        }
        UUID current = Errors.id(currentUserId, "Invalid currentUserId format");
        UUID target = Errors.id(targetUserId, "Invalid targetUserId format");
        if (current.equals(target)) {
            throw Errors.bad("Cannot create DM channel with oneself");
        }
        UUID server = dmServerId == null ? ChannelStore.DEFAULT_SERVER
                : Errors.id(dmServerId, "Invalid dmServerId format");
        if (store.server(server).isEmpty()) {
            throw Errors.notFound("Message server not found");
        }
        return ApiSuccess.of(Views.channel(store.dm(server, current, target)));
    }
}
