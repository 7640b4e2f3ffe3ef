package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentLog;
import dev.eliza.http.api.ApiException;
import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.impl.ConcurrentDeletion;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * An agent deleted while a world or log write for it is under way, over a real PostgreSQL: the write's
 * {@code EXISTS} still sees the agent, its foreign-key check then waits on the deleting transaction and finds the
 * row gone. The write must answer as if it had come just after the deletion, and a log batch must keep the entries
 * of the other agents.
 */
class AgentDeletedMidWriteTest {
    private static final ClassLoader LOADER = AgentDeletedMidWriteTest.class.getClassLoader();
    private static final List<Migration> MIGRATIONS = SharedTestDatabase.migrations(
            LOADER, "db/agents", "create agents", "desired run state", "worlds and logs", "launch markers");

    private final AgentStore agents = new AgentStore(SharedTestDatabase.get(), LOADER, MIGRATIONS, new byte[32],
            Clock.systemUTC());
    private final WorldStore worlds = new WorldStore(SharedTestDatabase.get(), LOADER, MIGRATIONS,
            Clock.systemUTC());

    @Test
    void ensuringTheWorldOfAnAgentBeingDeletedAnswersThatTheAgentIsGone() throws Exception {
        UUID agent = agents.create(character()).id();
        Throwable failure = ConcurrentDeletion.during("agents", agent, "agent_worlds", () -> worlds.ensure(agent,
                agent, "self", JsonNodeFactory.instance.objectNode(), Optional.of(agent)));
        assertThat(failure).isInstanceOf(NoSuchElementException.class).hasMessageContaining(agent.toString());
        assertThat(worlds.find(agent)).isEmpty();
    }

    @Test
    void creatingAWorldOfAnAgentBeingDeletedAnswersNotFound() throws Exception {
        UUID agent = agents.create(character()).id();
        Throwable failure = ConcurrentDeletion.during("agents", agent, "agent_worlds", () -> worlds.create(agent,
                "new world", JsonNodeFactory.instance.objectNode(), Optional.empty()));
        assertThat(failure).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(worlds.list(Optional.of(agent))).isEmpty();
    }

    @Test
    void aLogBatchWithAnAgentBeingDeletedKeepsTheOtherAgentsEntries() throws Exception {
        AgentLogStore logs = new AgentLogStore(SharedTestDatabase.get(), LOADER, MIGRATIONS, 100);
        try {
            UUID going = agents.create(character()).id();
            UUID staying = agents.create(character()).id();
            Throwable failure = ConcurrentDeletion.during("agents", going, "agent_logs", () -> {
                logs.write(List.of(entry(going), entry(staying)));
                return null;
            });
            assertThat(failure).isNull();
            AgentLogs.Query all = new AgentLogs.Query(Optional.empty(), Optional.empty(), List.of(), 0, 10);
            assertThat(logs.find(staying, all)).hasSize(1);
            assertThat(logs.find(going, all)).isEmpty();
        } finally {
            logs.close();
        }
    }

    private static AgentLog entry(UUID agent) {
        return new AgentLog(UUID.randomUUID(), agent, agent, Optional.empty(), "test",
                JsonNodeFactory.instance.objectNode().put("text", "entry"), System.currentTimeMillis());
    }

    private static ObjectNode character() {
        return JsonNodeFactory.instance.objectNode().put("name", "Doomed " + UUID.randomUUID());
    }
}
