package dev.eliza.messaging.impl;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /channels/:id/messages}: post (three transports), page, delete one, clear. */
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelMessagesResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final MessagingCore core;
    private final ChannelPosts posts;

    ChannelMessagesResource(MessagingCore core, ChannelPosts posts) {
        this.core = core;
        this.posts = posts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    public Response post(@PathParam("channelId") String channelId, JsonNode body) {
        return posts.post(Errors.id(channelId, ChannelsResource.BAD_CHANNEL), Errors.body(body));
    }

    /**
     * Newest first. {@code before} and {@code after} take epoch milliseconds or ISO times; {@code before} also takes
     * a message id, the exact position of that message, which pages without gaps or repeats however many messages
     * share a millisecond.
     */
    @GET
    public ApiSuccess<ObjectNode> page(@PathParam("channelId") String channelId, @QueryParam("limit") String limit,
                                       @QueryParam("before") String before, @QueryParam("after") String after) {
        UUID channel = Errors.id(channelId, ChannelsResource.BAD_CHANNEL);
        if (core.channels().channel(channel).isEmpty()) {
            throw Errors.notFound("Channel not found");
        }
        Optional<UUID> beforeId = Optional.ofNullable(before).flatMap(Json::uuid);
        Optional<Instant> beforeTime = beforeId.isPresent()
                ? core.messages().message(beforeId.get()).map(MessageRow::createdAt)
                        .or(() -> { throw Errors.bad("Unknown before message"); })
                : time(before, "before");
        return ApiSuccess.of(Views.messages(core.messages().page(channel, beforeTime, beforeId,
                time(after, "after"), limit(limit))));
    }

    @DELETE
    public Response clear(@PathParam("channelId") String channelId) {
        UUID channel = Errors.id(channelId, ChannelsResource.BAD_CHANNEL);
        if (core.channels().channel(channel).isEmpty()) {
            throw Errors.notFound("Channel not found");
        }
        core.messages().clear(channel);
        core.broadcasts().change(channel, "channelCleared",
                Json.MAPPER.createObjectNode().put("channelId", channel.toString()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{messageId}")
    public Response delete(@PathParam("channelId") String channelId, @PathParam("messageId") String messageId) {
        UUID channel = Errors.id(channelId, ChannelsResource.BAD_CHANNEL);
        UUID message = Errors.id(messageId, "Invalid messageId");
        if (!core.messages().delete(channel, message)) {
            throw Errors.notFound("Message not found");
        }
        core.broadcasts().change(channel, "messageDeleted", Json.MAPPER.createObjectNode()
                .put("messageId", message.toString()).put("channelId", channel.toString()));
        return Response.noContent().build();
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit < 1) {
                throw Errors.bad("limit must be a positive integer");
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw Errors.bad("limit must be a positive integer");
        }
    }

    private static Optional<Instant> time(String text, String name) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (DateTimeParseException notIso) {
                throw Errors.bad(name + " must be epoch milliseconds, an ISO time or a message id");
            }
        }
    }
}
