package dev.eliza.agents.impl;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentStatus;
import dev.eliza.http.api.ApiSuccess;

/**
 * The JSON body of {@code GET /api/agents}, rendered again only when the agents or their run states change: the
 * directory returns the same list instance until the agents change, and the states are read fresh on every call
 * (cheap: the runtime holds them in memory) and compared with those the last body was rendered with.
 */
final class AgentListBody {
    private record Rendered(List<Agent> source, List<AgentStatus> statuses, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile Rendered last;

    byte[] of(List<Agent> agents, Function<UUID, AgentStatus> statusOf) {
        List<AgentStatus> statuses = agents.stream().map(agent -> statusOf.apply(agent.id())).toList();
        Rendered rendered = last;
        if (rendered == null || rendered.source() != agents || !rendered.statuses().equals(statuses)) {
            rendered = new Rendered(agents, statuses, render(agents, statuses));
            last = rendered;
        }
        return rendered.body();
    }

    private static byte[] render(List<Agent> agents, List<AgentStatus> statuses) {
        try {
            return JSON.writeValueAsBytes(ApiSuccess.of(Map.of("agents", IntStream
                    .range(0, agents.size()).mapToObj(i -> AgentViews.summary(agents.get(i), statuses.get(i)))
                    .toList())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The agent list cannot be written as JSON", e);
        }
    }
}
