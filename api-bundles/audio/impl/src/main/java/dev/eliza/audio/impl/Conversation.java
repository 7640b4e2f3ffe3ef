package dev.eliza.audio.impl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.http.api.ApiException;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;

/**
 * Talking with an agent through messaging: the user's words are posted as a channel message (in the channel the
 * client names, else one per agent and user, created on first use with the agent in it) and, for a conversation,
 * the agent's answer is awaited. The watch is opened before the post, so an answer faster than this thread is not
 * missed.
 */
final class Conversation {
    static final UUID DEFAULT_SERVER = new UUID(0, 0);

    /** Who speaks, and where. */
    record Speaker(UUID entityId, String userName, UUID channelId, UUID serverId) {
    }

    /** A posted message and the agent's reply to it. */
    record Exchange(ChannelMessage posted, ChannelMessage reply) {
    }

    private final MessageService messages;
    private final MessageAnswers answers;
    private final Duration replyWait;

    Conversation(MessageService messages, MessageAnswers answers, Duration replyWait) {
        this.messages = messages;
        this.answers = answers;
        this.replyWait = replyWait;
    }

    /**
     * The speaker from the request's fields: {@code entityId}/{@code userId} and {@code channelId}/{@code roomId}
     * (a UUID, or any text named the way 1.7.2 derives ids), {@code serverId}, {@code userName}/{@code name}.
     */
    static Speaker speaker(UUID agentId, Fields fields) {
        String userName = fields.text("userName").or(() -> fields.text("name")).orElse("");
        UUID entity = fields.text("entityId").or(() -> fields.text("userId"))
                .map(v -> uuidOrDerived(agentId, "user", v)).orElseGet(() -> derived(agentId, "user",
                        userName.isEmpty() ? "Anon" : userName));
        UUID channel = fields.text("channelId").or(() -> fields.text("roomId"))
                .map(v -> uuidOrDerived(agentId, "room", v))
                .orElseGet(() -> derived(agentId, "audio-conversation", entity.toString()));
        UUID server = fields.text("serverId").or(() -> fields.text("messageServerId"))
                .map(v -> uuidOrDerived(agentId, "server", v)).orElse(DEFAULT_SERVER);
        return new Speaker(entity, userName, channel, server);
    }

    /** Posts {@code text} as the speaker's message to the agent, without waiting for an answer. */
    ChannelMessage post(Agent agent, Speaker speaker, String text, String source) {
        return messages.post(message(agent, speaker, text, source));
    }

    /** Posts {@code text} and waits for the agent's answer. */
    Exchange converse(Agent agent, Speaker speaker, String text, String source) {
        AnswerWatch watch = answers.watch(speaker.channelId());
        try (watch) {
            ChannelMessage posted = messages.post(message(agent, speaker, text, source));
            long deadline = System.nanoTime() + replyWait.toNanos();
            Optional<AnswerEvent> event;
            while ((event = watch.next(posted.id(), deadline)).isPresent()) {
                if (event.get() instanceof AnswerEvent.Done done) {
                    return new Exchange(posted, replyOf(done));
                }
            }
            throw new ApiException(504, "TIMEOUT", "The agent did not answer within " + replyWait.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "SERVICE_UNAVAILABLE", "The server is stopping");
        } catch (InvalidMessageException e) {
            throw AudioErrors.invalid(e.getMessage());
        } catch (UnknownChannelException e) {
            throw new ApiException(404, "NOT_FOUND", "Channel or server not found");
        }
    }

    private static ChannelMessage replyOf(AnswerEvent.Done done) {
        if (done.state() == DeliveryState.REPLIED && done.stored().isPresent()) {
            return done.stored().get();
        }
        throw new ApiException(502, "PROCESSING_ERROR", "The agent gave no answer to speak",
                done.reason().orElse(done.state().wire()));
    }

    private static NewMessage message(Agent agent, Speaker speaker, String text, String source) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        // Messaging makes the agent named here a participant of the channel it creates on first use.
        metadata.put("targetAgentId", agent.id().toString());
        metadata.put("audio", true);
        return new NewMessage(speaker.channelId(), speaker.serverId(), speaker.entityId(), speaker.userName(), text,
                source, metadata, null, MessageOrigin.REST, Optional.empty(), true);
    }

    private static UUID uuidOrDerived(UUID agentId, String kind, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return derived(agentId, kind, value);
        }
    }

    private static UUID derived(UUID agentId, String kind, String value) {
        return UUID.nameUUIDFromBytes((agentId + ":" + kind + ":" + value).getBytes(StandardCharsets.UTF_8));
    }
}
