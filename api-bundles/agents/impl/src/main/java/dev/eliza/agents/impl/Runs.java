package dev.eliza.agents.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentLog;

/**
 * Runs made of journal entries, in the 1.7.2 shapes ({@code agents_runs.txt}, {@code agents_run_get.txt}): the
 * {@code run_event} entries of one {@code body.runId} give its status and times, the other entries with that
 * runId are counted and become its events. Unlike 1.7.2, {@code durationMs} is filled once the run has ended.
 */
final class Runs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Runs() {
    }

    /** One run's entries, oldest first, grouped into runs in the order their runIds first appear. */
    static List<List<AgentLog>> group(List<AgentLog> entries) {
        Map<String, List<AgentLog>> runs = new LinkedHashMap<>();
        for (AgentLog entry : entries) {
            runs.computeIfAbsent(entry.body().path("runId").asText(), id -> new ArrayList<>()).add(entry);
        }
        return List.copyOf(runs.values());
    }

    /** A run's summary ({@code GET /runs/:runId}), or with {@code forList} an entry of {@code GET /runs}. */
    static ObjectNode summary(List<AgentLog> run, boolean forList) {
        ObjectNode summary = NODES.objectNode();
        AgentLog first = run.get(0);
        AgentLog start = run.stream().filter(Runs::isRunEvent).findFirst().orElse(first);
        AgentLog last = run.stream().filter(Runs::isRunEvent).reduce((a, b) -> b).orElse(start);
        String status = last.body().path("status").asText("started");
        summary.put("runId", first.body().path("runId").asText());
        summary.put("status", status);
        summary.put("startedAt", start.createdAt());
        if (forList) {
            boolean ended = !"started".equals(status);
            putOrNull(summary, "endedAt", ended, last.createdAt());
            putOrNull(summary, "durationMs", ended, last.createdAt() - start.createdAt());
        }
        summary.set("messageId", text(start.body().get("messageId")));
        summary.set("roomId", start.roomId().<JsonNode>map(id -> NODES.textNode(id.toString()))
                .orElseGet(() -> text(start.body().get("roomId"))));
        summary.put("entityId", start.entityId().toString());
        if (forList) {
            summary.set("metadata", start.body().has("metadata") ? start.body().get("metadata") : NODES.objectNode());
        }
        summary.set("counts", counts(run));
        return summary;
    }

    static List<ObjectNode> events(List<AgentLog> run) {
        return run.stream().map(Runs::event).toList();
    }

    static boolean isRunEvent(AgentLog entry) {
        return "run_event".equals(entry.type());
    }

    private static ObjectNode counts(List<AgentLog> run) {
        ObjectNode counts = NODES.objectNode();
        counts.put("actions", run.stream().filter(e -> e.type().startsWith("action")).count());
        counts.put("modelCalls", run.stream().filter(e -> e.type().startsWith("useModel:")).count());
        counts.put("errors", run.stream().filter(e -> "error".equals(e.body().path("status").asText())).count());
        counts.put("evaluators", run.stream().filter(e -> e.type().startsWith("evaluator")).count());
        return counts;
    }

    private static ObjectNode event(AgentLog entry) {
        ObjectNode event = NODES.objectNode();
        ObjectNode data = entry.body().deepCopy();
        data.remove("runId");
        String type;
        if (isRunEvent(entry)) {
            type = "started".equals(data.path("status").asText()) ? "RUN_STARTED" : "RUN_ENDED";
        } else if (entry.type().startsWith("useModel:")) {
            type = "MODEL_USED";
        } else {
            type = entry.type().toUpperCase(Locale.ROOT);
        }
        event.put("type", type);
        event.put("timestamp", entry.createdAt());
        event.set("data", data);
        return event;
    }

    private static JsonNode text(JsonNode node) {
        return node == null || !node.isTextual() ? NODES.nullNode() : node;
    }

    private static void putOrNull(ObjectNode node, String field, boolean present, long value) {
        if (present) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
