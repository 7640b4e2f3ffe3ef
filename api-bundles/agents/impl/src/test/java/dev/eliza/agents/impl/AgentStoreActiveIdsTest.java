package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * {@link AgentStore#activeIds} over a real PostgreSQL, kept in memory: this node's changes show at once; another
 * node's (two stores on one database, no cluster between them to tell) within {@link AgentStore#LIST_TTL}, and
 * {@link AgentStore#shouldRun} answers for a start made there at once.
 */
class AgentStoreActiveIdsTest {
    @Test
    void whoShouldRunIsSeenAtOnceHereAndWithinTheListsLifeOnAnotherNode() throws Exception {
        AgentStore here = store();
        AgentStore there = store();
        UUID ada = here.create(JsonNodeFactory.instance.objectNode().put("name", "Ada " + UUID.randomUUID())).id();
        assertThat(here.activeIds()).doesNotContain(ada);
        assertThat(there.activeIds()).doesNotContain(ada);

        assertThat(here.markActive(ada, true)).isTrue();
        assertThat(here.activeIds()).contains(ada);
        assertThat(there.shouldRun(ada)).as("asked of the other node at once").isTrue();
        assertThat(there.activeIds()).as("and remembered there").contains(ada);
        awaitOn(there, ada, true);

        assertThat(here.markActive(ada, false)).isTrue();
        assertThat(here.activeIds()).doesNotContain(ada);
        awaitOn(there, ada, false);

        assertThat(there.shouldRun(ada)).isFalse();
        assertThat(there.shouldRun(UUID.randomUUID())).isFalse();

        assertThat(there.markActive(ada, true)).isTrue();
        assertThat(there.delete(ada)).isTrue();
        assertThat(there.activeIds()).doesNotContain(ada);
        assertThat(there.shouldRun(ada)).isFalse();
    }

    private static void awaitOn(AgentStore node, UUID agent, boolean active) throws InterruptedException {
        long deadline = System.nanoTime() + AgentStore.LIST_TTL.plus(Duration.ofSeconds(20)).toNanos();
        while (node.activeIds().contains(agent) != active) {
            assertThat(System.nanoTime()).as("the other node sees the change").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static AgentStore store() {
        ClassLoader loader = AgentStoreActiveIdsTest.class.getClassLoader();
        return new AgentStore(SharedTestDatabase.get(), loader, SharedTestDatabase.migrations(loader, "db/agents",
                "create agents", "desired run state", "worlds and logs", "launch markers"), new byte[32],
                Clock.systemUTC());
    }
}
