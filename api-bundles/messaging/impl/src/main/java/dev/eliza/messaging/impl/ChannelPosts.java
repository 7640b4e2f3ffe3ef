package dev.eliza.messaging.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.impl.Posting.Posted;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A channel post in its three transports: {@code websocket} answers at once (the reply comes over the socket),
 * {@code http} answers once an agent replied or the wait is over, {@code sse} streams the user message, the
 * reply's chunks and {@code done}. The legacy {@code mode} {@code sync}/{@code stream} are {@code http}/{@code sse}.
 */
final class ChannelPosts {
    private static final String MISSING = "Missing required fields: channelId, message_server_id, author_id, content";

    private final MessagingCore core;
    private final Duration replyWait;

    ChannelPosts(MessagingCore core, Duration replyWait) {
        this.core = core;
        this.replyWait = replyWait;
    }

    Response post(UUID channelId, ObjectNode body) {
        String transport = transport(body);
        Optional<ChannelMembersRow> channel = core.channels().withParticipants(channelId);
        JsonNode metadata = body.path("metadata");
        // The api-client's postMessage sends only content and metadata, so the author may come in the metadata.
        UUID author = Json.uuid(body, "author_id").or(() -> Json.uuid(metadata, "author_id"))
                .or(() -> Json.uuid(metadata, "authorId")).orElse(null);
        Optional<UUID> server = Json.uuid(body, "message_server_id")
                .or(() -> channel.map(ChannelMembersRow::serverId));
        if (author == null || server.isEmpty() || !body.has("content")) {
            throw Errors.bad(MISSING);
        }
        if (!body.get("content").isTextual()) {
            throw Errors.bad("content must be a non-empty string");
        }
        if ((!metadata.isMissingNode() && !metadata.isNull() && !metadata.isObject())) {
            throw Errors.bad("metadata must be an object");
        }
        // A channel's server exists (a foreign key says so); only a channel about to be created needs the check.
        if (!channel.map(ChannelMembersRow::serverId).equals(server)
                && core.channels().server(server.get()).isEmpty()) {
            throw Errors.notFound("Server " + server.get() + " does not exist");
        }
        ObjectNode meta = metadata.isObject() ? (ObjectNode) metadata : Json.MAPPER.createObjectNode();
        String authorName = Errors.text(meta, "user_display_name").orElse("");
        NewMessage message = new NewMessage(channelId, server.get(), author, authorName,
                body.get("content").asText(), Errors.text(body, "source_type").orElse("eliza_gui"), meta,
                body.path("attachments").isArray() ? body.get("attachments") : null, MessageOrigin.REST,
                Optional.empty(), true);
        Optional<JsonNode> raw = Optional.ofNullable(body.get("raw_message")).filter(JsonNode::isObject);
        Optional<UUID> parent = Json.uuid(body, "in_reply_to_message_id");
        ReplyWaiters.Waiter waiter = transport.equals("websocket") ? null : core.waiters().watch(channelId);
        Posted posted;
        try {
            posted = core.post(message, raw, parent, Optional.empty(), channel);
        } catch (InvalidMessageException e) {
            close(waiter);
            throw Errors.bad(e.getMessage());
        } catch (RuntimeException e) {
            close(waiter);
            throw e;
        }
        ObjectNode answer = Json.MAPPER.createObjectNode().put("success", true);
        answer.set("userMessage", Views.userMessage(posted.row()));
        if (waiter == null) {
            return Response.status(201).entity(answer).build();
        }
        boolean awaited = posted.deliveries().stream().anyMatch(d -> d.state() == DeliveryState.RECEIVED);
        if (transport.equals("sse")) {
            return Response.ok(stream(waiter, posted, awaited), "text/event-stream")
                    .header("Cache-Control", "no-cache").build();
        }
        try (waiter) {
            long deadline = System.nanoTime() + (awaited ? replyWait.toNanos() : 0);
            while (awaited) {
                Optional<AnswerEvent> event = waiter.next(posted.row().id(), deadline);
                if (event.isEmpty()) {
                    break;
                }
                if (event.get() instanceof AnswerEvent.Done done) {
                    done.reply().ifPresent(r -> answer.set("agentResponse", agentResponse(r, posted.row().id())));
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Response.status(201).entity(answer).build();
    }

    private StreamingOutput stream(ReplyWaiters.Waiter waiter, Posted posted, boolean awaited) {
        UUID id = posted.row().id();
        return out -> {
            try (waiter) {
                event(out, "user_message", Views.userMessage(posted.row()));
                long deadline = System.nanoTime() + (awaited ? replyWait.toNanos() : 0);
                ObjectNode done = Json.MAPPER.createObjectNode();
                while (awaited) {
                    Optional<AnswerEvent> event = waiter.next(id, deadline);
                    if (event.isEmpty()) {
                        break;
                    }
                    if (event.get() instanceof AnswerEvent.Chunk chunk) {
                        event(out, "chunk", Json.MAPPER.createObjectNode().put("messageId", chunk.replyId().toString())
                                .put("chunk", chunk.chunk()).put("index", chunk.index()));
                    } else if (event.get() instanceof AnswerEvent.Done end) {
                        done = end.reply().map(r -> agentResponse(r, id)).orElse(done);
                        break;
                    }
                }
                event(out, "done", done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The reply as 1.7.2's {@code agentResponse}. */
    static ObjectNode agentResponse(AgentReply reply, UUID inReplyTo) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("thought", reply.thought());
        view.set("actions", Json.MAPPER.valueToTree(reply.actions()));
        view.set("providers", Json.MAPPER.createArrayNode());
        view.put("text", reply.text());
        view.put("simple", true);
        view.put("responseId", reply.replyId().toString());
        view.put("inReplyTo", inReplyTo.toString());
        return view;
    }

    private static String transport(ObjectNode body) {
        JsonNode given = body.has("transport") ? body.get("transport") : body.get("mode");
        if (given == null || given.isNull()) {
            return "websocket";
        }
        String name = given.asText().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "websocket" -> "websocket";
            case "http", "sync" -> "http";
            case "sse", "stream" -> "sse";
            default -> throw Errors.bad("Invalid transport \"" + given.asText() + "\". Must be one of: "
                    + String.join(", ", List.of("http", "sse", "websocket", "sync", "stream")));
        };
    }

    private static void close(ReplyWaiters.Waiter waiter) {
        if (waiter != null) {
            waiter.close();
        }
    }
}
