package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.persistence.impl.SharedTestDatabase;

/** {@link AgentStore#exists} over a real PostgreSQL, with two stores on one database as two nodes have them. */
class AgentStoreExistsTest {
    @Test
    void anAgentExistsFromCreationToDeletionOnEitherNodeAndBeforeTheOtherNodeListsIt() throws Exception {
        AgentStore here = store();
        AgentStore there = store();
        Agent ada = here.create(character("Ada"));
        assertThat(here.exists(ada.id())).isTrue();
        assertThat(here.exists(UUID.randomUUID())).isFalse();

        assertThat(here.list()).extracting(Agent::id).contains(ada.id());
        // Made on the other node while this one holds its listing (no cluster here tells it): looked up, unless
        // the listing's second of life ran out meanwhile on a slow machine.
        Agent bob = there.create(character("Bob"));
        boolean listed = here.list().stream().anyMatch(agent -> agent.id().equals(bob.id()));
        assertThat(here.exists(bob.id())).as(listed ? "listed here" : "not listed here yet").isTrue();

        assertThat(here.delete(ada.id())).isTrue();
        assertThat(here.exists(ada.id())).isFalse();
    }

    private static ObjectNode character(String name) {
        return JsonNodeFactory.instance.objectNode().put("name", name + " " + UUID.randomUUID());
    }

    private static AgentStore store() {
        return new AgentStore(SharedTestDatabase.get(), AgentStoreExistsTest.class.getClassLoader(),
                SharedTestDatabase.migrations(AgentStoreExistsTest.class.getClassLoader(), "db/agents",
                        "create agents", "desired run state", "worlds and logs", "launch markers"),
                new byte[32], Clock.systemUTC());
    }
}
