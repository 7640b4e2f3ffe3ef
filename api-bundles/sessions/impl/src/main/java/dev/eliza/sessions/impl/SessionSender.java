package dev.eliza.sessions.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Posts a user's message into the session's channel and answers in the asked transport: {@code websocket} at once
 * (the reply reaches the channel's room), {@code http} once the agent answered or the wait is over, {@code sse} as
 * a stream of {@code user_message}, {@code chunk}… and {@code done}. Activity renews an auto-renewing session.
 */
final class SessionSender {
    private final Sessions sessions;
    private final MessageService messages;
    private final MessageAnswers answers;
    private final Duration replyWait;
    private final AgentDirectory agents;

    SessionSender(Sessions sessions, MessageService messages, MessageAnswers answers, Duration replyWait,
                  AgentDirectory agents) {
        this.agents = agents;
        this.sessions = sessions;
        this.messages = messages;
        this.answers = answers;
        this.replyWait = replyWait;
    }

    /** {@code active} as {@link Sessions#active} just read it: the message is activity of that session. */
    Response send(SessionRow active, String transport, String content, ObjectNode extra, JsonNode attachments) {
        String sessionId = active.sessionId().toString();
        Sessions.Touched touched = sessions.touch(active);
        SessionRow session = touched.row();
        // taken out with the route's sessionId when the request is done (the http bundle's log-context filter)
        MDC.put("agentId", session.agentId().toString());
        MDC.put("channelId", session.channelId().toString());
        ObjectNode status = SessionViews.status(session, touched.renewed(), sessions.now());
        // Open the watch before posting, so an answer faster than this thread is not missed.
        AnswerWatch watch = transport.equals("websocket") ? null : answers.watch(session.channelId());
        ChannelMessage posted;
        try {
            posted = messages.post(new NewMessage(session.channelId(), Sessions.DEFAULT_SERVER, session.userId(),
                    SessionViews.metadata(session).path("username").asText(""), content, "user",
                    metadata(session, extra), attachments, MessageOrigin.REST, Optional.empty(), false));
        } catch (RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            if (SessionErrors.causedByTheDatabase(e)) {
                // the platform tells a database out of reach (503, retry) from a fault of ours (500)
                throw e;
            }
            throw SessionErrors.messageSend(sessionId, "the message could not be stored");
        }
        ObjectNode answer = SessionViews.JSON.createObjectNode().put("success", true);
        answer.set("userMessage", SessionViews.userMessage(posted));
        if (watch == null) {
            answer.set("sessionStatus", status);
            return Response.status(201).entity(answer).build();
        }
        // An agent that is not running answers nothing (its delivery is no_reply at once): do not wait for it.
        Duration wait = agents.shouldRun(session.agentId()) ? replyWait : Duration.ZERO;
        if (transport.equals("sse")) {
            return Response.ok(stream(watch, posted, wait), "text/event-stream").header("Cache-Control", "no-cache")
                    .build();
        }
        try (watch) {
            long deadline = System.nanoTime() + wait.toNanos();
            Optional<AnswerEvent> event;
            while ((event = watch.next(posted.id(), deadline)).isPresent()) {
                if (event.get() instanceof AnswerEvent.Done done) {
                    done.reply().ifPresent(r -> answer.set("agentResponse", SessionViews.agentResponse(r,
                            posted.id())));
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer.set("sessionStatus", status);
        return Response.status(201).entity(answer).build();
    }

    private StreamingOutput stream(AnswerWatch watch, ChannelMessage posted, Duration wait) {
        UUID id = posted.id();
        return out -> {
            try (watch) {
                event(out, "user_message", SessionViews.userMessage(posted));
                long deadline = System.nanoTime() + wait.toNanos();
                ObjectNode done = SessionViews.JSON.createObjectNode();
                Optional<AnswerEvent> event;
                while ((event = watch.next(id, deadline)).isPresent()) {
                    if (event.get() instanceof AnswerEvent.Chunk chunk) {
                        event(out, "chunk", SessionViews.JSON.createObjectNode()
                                .put("messageId", chunk.replyId().toString()).put("chunk", chunk.chunk())
                                .put("index", chunk.index()));
                    } else if (event.get() instanceof AnswerEvent.Done end) {
                        done = end.reply().map(r -> SessionViews.agentResponse(r, id)).orElse(done);
                        break;
                    }
                }
                event(out, "done", done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** 1.7.2's message metadata: who, the session's metadata, the session and its timeouts, then the client's. */
    private static ObjectNode metadata(SessionRow session, ObjectNode extra) {
        ObjectNode metadata = SessionViews.JSON.createObjectNode();
        metadata.put("userId", session.userId().toString());
        metadata.put("agentId", session.agentId().toString());
        metadata.setAll(SessionViews.metadata(session));
        metadata.put("sessionId", session.sessionId().toString());
        metadata.set("timeoutConfig", SessionViews.config(session.timeoutConfig()));
        metadata.setAll(extra);
        return metadata;
    }

    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
