package dev.eliza.sessions.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.sessions.api.TimeoutConfig;

/** The sessions API's JSON bodies, field for field in 1.7.2's order. */
final class SessionViews {
    static final ObjectMapper JSON = new ObjectMapper();

    private SessionViews() {
    }

    /** The body of a create: no activity fields yet. */
    static ObjectNode created(SessionRow row) {
        ObjectNode view = head(row);
        view.set("metadata", metadata(row));
        view.put("expiresAt", Iso.of(row.expiresAt()));
        view.set("timeoutConfig", config(row.timeoutConfig()));
        return view;
    }

    /** {@code SessionInfoResponse}: the session with its activity and time left at {@code now}. */
    static ObjectNode info(SessionRow row, Instant now) {
        ObjectNode view = head(row);
        view.put("lastActivity", Iso.of(row.lastActivity()));
        view.set("metadata", metadata(row));
        view.put("expiresAt", Iso.of(row.expiresAt()));
        view.set("timeoutConfig", config(row.timeoutConfig()));
        view.put("renewalCount", row.renewalCount());
        view.put("timeRemaining", remaining(row, now));
        view.put("isNearExpiration", nearExpiration(row, now));
        return view;
    }

    static ObjectNode status(SessionRow row, boolean renewed, Instant now) {
        ObjectNode view = JSON.createObjectNode();
        view.put("expiresAt", Iso.of(row.expiresAt()));
        view.put("renewalCount", row.renewalCount());
        view.put("wasRenewed", renewed);
        view.put("isNearExpiration", nearExpiration(row, now));
        return view;
    }

    static long remaining(SessionRow row, Instant now) {
        return Math.max(0, Duration.between(now, row.expiresAt()).toMillis());
    }

    static boolean nearExpiration(SessionRow row, Instant now) {
        return remaining(row, now) <= Duration.ofMinutes(row.warningThresholdMinutes()).toMillis();
    }

    static ObjectNode config(TimeoutConfig config) {
        return JSON.createObjectNode().put("timeoutMinutes", config.timeoutMinutes())
                .put("autoRenew", config.autoRenew()).put("maxDurationMinutes", config.maxDurationMinutes())
                .put("warningThresholdMinutes", config.warningThresholdMinutes());
    }

    /** The stored user message as 1.7.2's {@code userMessage} (snake_case, epoch-ms time). */
    static ObjectNode userMessage(ChannelMessage message) {
        ObjectNode view = JSON.createObjectNode();
        view.put("id", message.id().toString());
        view.put("channel_id", message.channelId().toString());
        view.put("message_server_id", message.serverId().toString());
        view.put("author_id", message.authorId().toString());
        view.put("content", message.text());
        view.put("created_at", message.createdAt());
        view.put("source_type", message.source());
        view.set("raw_message", JSON.createObjectNode().put("content", message.text()));
        view.set("metadata", message.metadata());
        if (message.attachments().isArray() && !message.attachments().isEmpty()) {
            view.set("attachments", message.attachments());
        }
        return view;
    }

    /** A message of the history: camelCase, ISO time, and whether the agent wrote it. */
    static ObjectNode historyItem(ChannelMessage message, UUID agentId) {
        ObjectNode view = JSON.createObjectNode();
        view.put("id", message.id().toString());
        view.put("content", message.text());
        view.put("authorId", message.authorId().toString());
        view.put("isAgent", message.authorId().equals(agentId));
        view.put("createdAt", Iso.of(Instant.ofEpochMilli(message.createdAt())));
        view.set("metadata", message.metadata());
        if (message.attachments().isArray() && !message.attachments().isEmpty()) {
            view.set("attachments", message.attachments());
        }
        return view;
    }

    /** The agent's answer as 1.7.2's {@code agentResponse} (and the SSE {@code done} event). */
    static ObjectNode agentResponse(AgentReply reply, UUID inReplyTo) {
        ObjectNode view = JSON.createObjectNode();
        view.put("thought", reply.thought());
        view.set("actions", JSON.valueToTree(reply.actions()));
        view.set("providers", JSON.createArrayNode());
        view.put("text", reply.text());
        view.put("simple", true);
        view.put("responseId", reply.replyId().toString());
        view.put("inReplyTo", inReplyTo.toString());
        return view;
    }

    static ObjectNode metadata(SessionRow row) {
        try {
            JsonNode parsed = JSON.readTree(row.metadataJson());
            return parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static ObjectNode head(SessionRow row) {
        ObjectNode view = JSON.createObjectNode();
        view.put("sessionId", row.sessionId().toString());
        view.put("channelId", row.channelId().toString());
        view.put("agentId", row.agentId().toString());
        view.put("userId", row.userId().toString());
        view.put("createdAt", Iso.of(row.createdAt()));
        return view;
    }
}
