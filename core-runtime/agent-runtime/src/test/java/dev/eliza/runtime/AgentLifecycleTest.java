package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.eliza.agents.api.AgentState;
import dev.eliza.agents.api.AgentStatus;
import dev.eliza.events.api.AgentLifecycleEvent;

class AgentLifecycleTest {
    private final Harness h = new Harness();

    @Test
    void startMakesAnAgentActiveOnceAndTellsListenersOnce() {
        h.providers.add(new ScriptedProvider("offline"));
        UUID id = h.directory.add("{\"name\":\"Eliza\"}", true);

        assertThat(h.lifecycle.start(id)).isEqualTo(AgentStatus.of(AgentState.ACTIVE));
        assertThat(h.lifecycle.start(id).state()).isEqualTo(AgentState.ACTIVE);

        assertThat(h.events).singleElement().isInstanceOfSatisfying(AgentLifecycleEvent.class, e -> {
            assertThat(e.change()).isEqualTo(AgentLifecycleEvent.Change.STARTED);
            assertThat(e.agentName()).isEqualTo("Eliza");
        });
    }

    @Test
    void startFailsWithAReasonForUnknownDisabledOrUnservedAgents() {
        UUID disabled = h.directory.add("{\"name\":\"Off\"}", false);
        UUID unserved = h.directory.add("{\"name\":\"Gpt\",\"plugins\":[\"@elizaos/plugin-openai\"]}", true);
        h.providers.add(new ScriptedProvider("offline"));

        assertThat(h.lifecycle.start(UUID.randomUUID()).reason()).hasValueSatisfying(r -> r.startsWith("unknown"));
        assertThat(h.lifecycle.start(disabled)).isEqualTo(
                new AgentStatus(AgentState.FAILED, java.util.Optional.of("agent is disabled")));
        assertThat(h.lifecycle.start(unserved).reason())
                .hasValue("no model provider for @elizaos/plugin-openai is registered");
        assertThat(h.lifecycle.status(unserved).state()).isEqualTo(AgentState.FAILED);
        assertThat(h.events).isEmpty();
    }

    @Test
    void anAgentThatWaitedForItsProviderStartsWhenTheProviderArrives() {
        UUID id = h.directory.add("{\"name\":\"Gpt\",\"plugins\":[\"@elizaos/plugin-openai\"]}", true);
        h.lifecycle.start(id);

        h.providers.add(new ScriptedProvider("openai", "@elizaos/plugin-openai"));
        h.lifecycle.retryWaiting();

        assertThat(h.lifecycle.status(id).state()).isEqualTo(AgentState.ACTIVE);
    }

    @Test
    void stopWaitsForTheReplyInFlightThenTellsListeners() throws Exception {
        h.providers.add(new ScriptedProvider("offline"));
        UUID id = h.activeAgent("{\"name\":\"Eliza\"}");
        Runnable leave = h.lifecycle.enter(id).orElseThrow().end();

        CompletableFuture<AgentStatus> stopped = CompletableFuture.supplyAsync(() -> h.lifecycle.stop(id));
        while (h.lifecycle.status(id).state() != AgentState.STOPPING) {
            Thread.onSpinWait();
        }
        assertThat(stopped).isNotDone();
        assertThat(h.lifecycle.enter(id)).as("no new reply once stopping").isEmpty();
        leave.run();

        assertThat(stopped.get(5, TimeUnit.SECONDS)).isEqualTo(AgentStatus.INACTIVE);
        assertThat(h.lifecycle.status(id)).isEqualTo(AgentStatus.INACTIVE);
        assertThat(h.events).last().isInstanceOfSatisfying(AgentLifecycleEvent.class,
                e -> assertThat(e.change()).isEqualTo(AgentLifecycleEvent.Change.STOPPED));
    }

    @Test
    void stoppingAnAgentThatDoesNotRunIsQuiet() {
        assertThat(h.lifecycle.stop(UUID.randomUUID())).isEqualTo(AgentStatus.INACTIVE);
        assertThat(h.events).isEmpty();
    }

    @Test
    void stopIsBoundedWhenAReplyHangs() {
        h.providers.add(new ScriptedProvider("offline"));
        UUID id = h.directory.add("{\"name\":\"Eliza\"}", true);
        AgentLifecycle impatient = new AgentLifecycle(h.directory, h.providers, h.parts.settingsResolver(),
                h.events::add, h.clock, java.time.Duration.ZERO);
        impatient.start(id);
        Runnable hanging = impatient.enter(id).orElseThrow().end();

        assertThat(impatient.stop(id)).isEqualTo(AgentStatus.INACTIVE);
        assertThat(impatient.start(id).state()).isEqualTo(AgentState.ACTIVE);
        hanging.run();
        assertThat(impatient.status(id).state()).as("the old reply's end leaves the new run alone")
                .isEqualTo(AgentState.ACTIVE);
    }
}
