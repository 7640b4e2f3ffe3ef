package dev.eliza.agents.impl;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.agents.api.Agent;
import dev.eliza.http.api.ApiSuccess;

/**
 * The JSON body of {@code GET /api/agents}, rendered once per list the directory hands out: the directory returns
 * the same list instance until the agents change, so the list route mostly writes bytes it already has.
 */
final class AgentListBody {
    private record Rendered(List<Agent> source, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile Rendered last;

    byte[] of(List<Agent> agents) {
        Rendered rendered = last;
        if (rendered == null || rendered.source() != agents) {
            rendered = new Rendered(agents, render(agents));
            last = rendered;
        }
        return rendered.body();
    }

    private static byte[] render(List<Agent> agents) {
        try {
            return JSON.writeValueAsBytes(ApiSuccess.of(Map.of("agents",
                    agents.stream().map(agent -> AgentViews.summary(agent, AgentsResource.STOPPED)).toList())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The agent list cannot be written as JSON", e);
        }
    }
}
