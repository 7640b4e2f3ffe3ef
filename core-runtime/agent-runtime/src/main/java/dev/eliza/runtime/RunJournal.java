package dev.eliza.runtime;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentLog;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.models.api.TextResult;

/**
 * Writes runs and model calls to the agents domain's journal in ElizaOS's shapes ({@code run_event},
 * {@code useModel:TEXT_LARGE}); the journal is optional (while it is absent nothing is written) and best-effort.
 */
final class RunJournal {
    private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
    private final AtomicReference<AgentJournal> journal = new AtomicReference<>();
    private final Clock clock;

    RunJournal(Clock clock) {
        this.clock = clock;
    }

    void bind(AgentJournal value) {
        journal.set(value);
    }

    void unbind(AgentJournal value) {
        journal.compareAndSet(value, null);
    }

    /** A run's start ({@code status: started}). */
    void started(UUID runId, Delivery delivery, long startTime) {
        ObjectNode body = runBody(runId, delivery, "started");
        body.put("startTime", startTime);
        write(delivery, delivery.message().authorId(), "run_event", body);
    }

    /** A run's end: {@code completed}, or {@code error} with the reason. */
    void ended(UUID runId, Delivery delivery, long startTime, Optional<String> error) {
        long end = clock.millis();
        ObjectNode body = runBody(runId, delivery, error.isPresent() ? "error" : "completed");
        body.put("startTime", startTime).put("endTime", end).put("duration", end - startTime);
        error.ifPresent(reason -> body.put("error", reason));
        write(delivery, delivery.message().authorId(), "run_event", body);
    }

    /** One model call and what it cost. */
    void modelCall(UUID runId, Delivery delivery, String provider, int promptSize, TextResult result,
                   double executionMillis) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("runId", runId.toString()).put("modelType", "TEXT_LARGE").put("modelKey", "TEXT_LARGE")
                .put("provider", provider).put("model", result.model()).put("promptSize", promptSize)
                .put("responseSize", result.text().length()).put("executionTime", executionMillis)
                .put("timestamp", clock.millis());
        body.putObject("usage").put("promptTokens", result.promptTokens())
                .put("completionTokens", result.completionTokens())
                .put("totalTokens", result.promptTokens() + result.completionTokens());
        write(delivery, delivery.agentId(), "useModel:TEXT_LARGE", body);
    }

    private static ObjectNode runBody(UUID runId, Delivery delivery, String status) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        return body.put("runId", runId.toString()).put("roomId", delivery.message().channelId().toString())
                .put("source", "messageHandler").put("status", status)
                .put("entityId", delivery.message().authorId().toString())
                .put("messageId", delivery.message().id().toString());
    }

    private void write(Delivery delivery, UUID entityId, String type, ObjectNode body) {
        AgentJournal target = journal.get();
        if (target == null) {
            return;
        }
        try {
            target.record(new AgentLog(UUID.randomUUID(), delivery.agentId(), entityId,
                    Optional.of(delivery.message().channelId()), type, body, clock.millis()));
        } catch (RuntimeException e) {
            // the journal is a record of what happened, never a reason for a reply to fail
            LOG.warn("Could not journal {} of agent {}", type, delivery.agentId(), e);
        }
    }
}
