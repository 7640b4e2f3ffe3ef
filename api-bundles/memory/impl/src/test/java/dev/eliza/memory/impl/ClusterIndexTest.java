package dev.eliza.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.eliza.persistence.api.Cluster;

/** Two nodes' in-memory indexes joined by a cluster that passes messages at once, as LISTEN/NOTIFY would. */
class ClusterIndexTest {
    private static final UUID AGENT = UUID.randomUUID();
    private static final String MODEL = "all-MiniLM-L6-v2";

    private final Bus bus = new Bus();
    private final ClusterIndex nodeA = node("a", new FlatIndex(Runnable::run, 1));
    private final ClusterIndex nodeB = node("b", new FlatIndex(Runnable::run, 1));

    @Test
    void aMemoryFiledOnOneNodeIsFoundOnTheOtherAndForgottenOnBoth() {
        UUID room = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        nodeA.put(AGENT, id, room, MODEL, new float[] {1, 0, 0});

        assertThat(nodeB.search(AGENT, MODEL, new float[] {1, 0, 0}, Optional.of(room), 5, 0.5))
                .extracting(VectorIndex.Hit::id).containsExactly(id);
        assertThat(nodeB.models(AGENT)).containsExactly(MODEL);

        nodeB.remove(AGENT, List.of(id));
        assertThat(nodeA.search(AGENT, MODEL, new float[] {1, 0, 0}, Optional.empty(), 5, 0.5)).isEmpty();
    }

    @Test
    void aMalformedMessageIsIgnored() {
        bus.listeners.get("b").received("a", "put\tnot-a-uuid");
        bus.listeners.get("b").received("a", "put\tx\ty\tz\tm\t!!!");
        bus.listeners.get("b").received("a", "remove\t" + AGENT + "\tnope");

        assertThat(nodeB.models(AGENT)).isEmpty();
    }

    @Test
    void aResyncSwapsInTheRebuiltIndexAndKeepsWhatChangedMeanwhile() {
        UUID stored = UUID.randomUUID();
        UUID meanwhile = UUID.randomUUID();
        FlatIndex fromDatabase = new FlatIndex(Runnable::run, 1);
        fromDatabase.put(AGENT, stored, UUID.randomUUID(), MODEL, new float[] {0, 0, 1});
        AtomicReference<ClusterIndex> self = new AtomicReference<>();
        ClusterIndex node = new ClusterIndex(bus.cluster("c"), new FlatIndex(Runnable::run, 1), () -> {
            self.get().put(AGENT, meanwhile, UUID.randomUUID(), MODEL, new float[] {0, 1, 1});
            return fromDatabase;
        }, Runnable::run);
        self.set(node);

        node.resync();

        assertThat(node.search(AGENT, MODEL, new float[] {0, 0, 1}, Optional.empty(), 5, 0.1))
                .extracting(VectorIndex.Hit::id).containsExactlyInAnyOrder(stored, meanwhile);
    }

    private ClusterIndex node(String name, FlatIndex local) {
        ClusterIndex index = new ClusterIndex(bus.cluster(name), local, () -> local, Runnable::run);
        bus.listeners.put(name, index);
        return index;
    }

    /** Delivers each publication to every other node's listener, synchronously. */
    private static final class Bus {
        final Map<String, Cluster.ClusterListener> listeners = new HashMap<>();

        Cluster cluster(String node) {
            return new Cluster() {
                @Override
                public String nodeId() {
                    return node;
                }

                @Override
                public Set<String> liveNodes() {
                    return listeners.keySet();
                }

                @Override
                public void publish(String topic, String payload) {
                    listeners.forEach((name, listener) -> {
                        if (!name.equals(node)) {
                            listener.received(node, payload);
                        }
                    });
                }

                @Override
                public AutoCloseable subscribe(String topic, ClusterListener listener) {
                    return () -> { };
                }

                @Override
                public boolean runExclusive(String name, Runnable work) {
                    work.run();
                    return true;
                }
            };
        }
    }
}
