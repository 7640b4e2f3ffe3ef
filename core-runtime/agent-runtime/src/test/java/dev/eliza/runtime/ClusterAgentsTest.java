package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.agents.api.AgentState;
import dev.eliza.persistence.api.Cluster;

/** One node's view: what other nodes say about agents, and the reconcile with the stored desired states. */
class ClusterAgentsTest {
    private final Harness h = new Harness();
    private final RecordingCluster cluster = new RecordingCluster();
    private final ClusterAgents agents = new ClusterAgents(cluster, h.directory, h.lifecycle, Runnable::run);

    @BeforeEach
    void provider() {
        h.providers.add(new ScriptedProvider("offline"));
        agents.open();
    }

    @Test
    void anAgentStartedOrStoppedOnAnotherNodeStartsOrStopsHere() {
        UUID id = h.directory.add("{\"name\":\"Eliza\"}", true);

        cluster.listener.received("node-b", "start " + id);
        assertThat(h.lifecycle.status(id).state()).isEqualTo(AgentState.ACTIVE);

        cluster.listener.received("node-b", "stop " + id);
        assertThat(h.lifecycle.status(id).state()).isEqualTo(AgentState.INACTIVE);
    }

    @Test
    void aGarbledMessageChangesNothing() {
        UUID id = h.directory.add("{\"name\":\"Eliza\"}", true);
        cluster.listener.received("node-b", "start not-a-uuid");
        cluster.listener.received("node-b", "");

        assertThat(h.lifecycle.status(id).state()).isEqualTo(AgentState.INACTIVE);
    }

    @Test
    void reconcileStartsTheAgentsThatShouldRunAndStopsTheOthers() {
        UUID wanted = h.directory.add("{\"name\":\"Wanted\"}", true);
        UUID unwanted = h.directory.add("{\"name\":\"Unwanted\"}", true);
        h.directory.markActive(wanted, true);
        h.lifecycle.start(unwanted);

        cluster.listener.resync();

        assertThat(h.lifecycle.activeIds()).containsExactly(wanted);
    }

    @Test
    void aChangeMadeHereIsToldToTheOtherNodes() {
        UUID id = UUID.randomUUID();
        agents.changed(id, true);
        agents.changed(id, false);

        assertThat(cluster.published).containsExactly("agents:start " + id, "agents:stop " + id);
    }

    /** Records what is published and keeps the one listener. */
    private static final class RecordingCluster implements Cluster {
        final List<String> published = new ArrayList<>();
        ClusterListener listener;

        @Override
        public String nodeId() {
            return "node-a";
        }

        @Override
        public Set<String> liveNodes() {
            return Set.of("node-a");
        }

        @Override
        public void publish(String topic, String payload) {
            published.add(topic + ":" + payload);
        }

        @Override
        public AutoCloseable subscribe(String topic, ClusterListener listener) {
            this.listener = listener;
            return () -> this.listener = null;
        }

        @Override
        public boolean runExclusive(String name, Runnable work) {
            work.run();
            return true;
        }
    }
}
