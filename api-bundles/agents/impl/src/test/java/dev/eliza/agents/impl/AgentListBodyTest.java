package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentState;
import dev.eliza.agents.api.AgentStatus;

class AgentListBodyTest {
    private static final UUID ID = UUID.fromString("b85990b2-fd94-4d10-aa2e-3fa7eacf16c1");

    @Test
    void rendersTheWireShapeOncePerList() {
        AgentListBody body = new AgentListBody();
        List<Agent> agents = List.of(agent("One"));
        byte[] first = body.of(agents, id -> AgentStatus.INACTIVE);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"success\":true,\"data\":{\"agents\":[{\"id\":\""
                + ID + "\",\"name\":\"One\",\"characterName\":\"One\",\"bio\":\"bio of One\",\"status\":\"inactive\"}]}}");
        assertThat(body.of(agents, id -> AgentStatus.INACTIVE)).isSameAs(first);
    }

    @Test
    void aNewListIsRenderedAgainEvenWhenEqual() {
        AgentListBody body = new AgentListBody();
        byte[] first = body.of(List.of(agent("One")), id -> AgentStatus.INACTIVE);
        byte[] renamed = body.of(List.of(agent("Two")), id -> AgentStatus.INACTIVE);
        assertThat(new String(renamed, StandardCharsets.UTF_8)).contains("\"name\":\"Two\"").doesNotContain("One");
        assertThat(body.of(List.of(agent("Two")), id -> AgentStatus.INACTIVE)).isNotSameAs(renamed).isEqualTo(renamed);
        assertThat(first).isNotEqualTo(renamed);
    }

    @Test
    void aChangedRunStateIsRenderedAgainForTheSameList() {
        AgentListBody body = new AgentListBody();
        List<Agent> agents = List.of(agent("One"));
        byte[] inactive = body.of(agents, id -> AgentStatus.INACTIVE);
        String active = new String(body.of(agents, id -> AgentStatus.of(AgentState.ACTIVE)), StandardCharsets.UTF_8);
        assertThat(active).contains("\"status\":\"active\"").doesNotContain("statusReason");
        String failed = new String(body.of(agents,
                id -> new AgentStatus(AgentState.FAILED, java.util.Optional.of("no model"))), StandardCharsets.UTF_8);
        assertThat(failed).contains("\"status\":\"failed\",\"statusReason\":\"no model\"");
        assertThat(body.of(agents, id -> AgentStatus.INACTIVE)).isEqualTo(inactive);
    }

    private static Agent agent(String name) {
        ObjectNode character = JsonNodeFactory.instance.objectNode().put("name", name);
        character.putArray("bio").add("bio of " + name);
        return new Agent(ID, true, 1L, 2L, character);
    }
}
