package dev.eliza.agents.impl;

import java.util.UUID;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;

/** The ids in {@code /api/agents/...} paths, checked the way 1.7.2 checks them: a bad id is 400, an unknown one 404. */
final class AgentRefs {
    private AgentRefs() {
    }

    static UUID id(String text) {
        return Uuids.parse(text).orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid agent ID format"));
    }

    static Agent existing(AgentDirectory agents, String text) {
        return agents.find(id(text)).orElseThrow(AgentRefs::notFound);
    }

    static UUID other(String text, String message) {
        return Uuids.parse(text).orElseThrow(() -> ApiException.badRequest("INVALID_ID", message));
    }

    static ApiException notFound() {
        return ApiException.notFound("NOT_FOUND", "Agent not found");
    }
}
