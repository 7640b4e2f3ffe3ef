package dev.eliza.runtime;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentState;
import dev.eliza.persistence.api.Cluster;

/**
 * Runs on this node the agents that run on the cluster: an agent started or stopped through another node is
 * started or stopped here too (told through the cluster's {@code agents} topic), and {@link #reconcile()} brings
 * this node in line with the desired states stored in the directory, for what a lost message or a restart missed.
 * Every node runs every active agent; which node answers a message is decided by its delivery's owner.
 */
final class ClusterAgents implements Cluster.ClusterListener {
    static final String TOPIC = "agents";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAgents.class);

    private final Cluster cluster;
    private final AgentDirectory directory;
    private final AgentLifecycle lifecycle;
    private final Executor executor;
    private AutoCloseable subscription;

    ClusterAgents(Cluster cluster, AgentDirectory directory, AgentLifecycle lifecycle, Executor executor) {
        this.cluster = cluster;
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.executor = executor;
    }

    void open() {
        subscription = cluster.subscribe(TOPIC, this);
    }

    void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Closing the agents subscription failed: {}", e.getMessage());
        }
    }

    /** Tells the other nodes that this one started or stopped {@code agentId} on a client's request. */
    void changed(UUID agentId, boolean started) {
        cluster.publish(TOPIC, (started ? "start " : "stop ") + agentId);
    }

    @Override
    public void received(String origin, String payload) {
        int space = payload.indexOf(' ');
        UUID agentId;
        try {
            agentId = UUID.fromString(payload.substring(space + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            LOG.warn("Ignored an agents message from node {}: {}", origin, payload);
            return;
        }
        boolean start = payload.startsWith("start ");
        executor.execute(() -> {
            if (start) {
                lifecycle.start(agentId).reason()
                        .ifPresent(reason -> LOG.warn("Agent {} did not start here: {}", agentId, reason));
            } else {
                lifecycle.stop(agentId);
            }
        });
    }

    @Override
    public void resync() {
        executor.execute(this::reconcile);
    }

    /** Starts the agents that should run and do not, and stops those running here that should not. */
    void reconcile() {
        Set<UUID> wanted = Set.copyOf(directory.activeIds());
        for (UUID id : wanted) {
            if (lifecycle.status(id).state() == AgentState.INACTIVE) {
                lifecycle.start(id).reason().ifPresent(reason -> LOG.warn("Agent {} did not start: {}", id, reason));
            }
        }
        for (UUID id : lifecycle.activeIds()) {
            if (!wanted.contains(id)) {
                lifecycle.stop(id);
            }
        }
    }
}
