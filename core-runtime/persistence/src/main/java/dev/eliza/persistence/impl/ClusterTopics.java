package dev.eliza.persistence.impl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.Cluster.ClusterListener;

/** The subscribed listeners by topic; one failing listener does not keep a message from the others. */
final class ClusterTopics {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTopics.class);

    private final Map<String, List<ClusterListener>> listeners = new ConcurrentHashMap<>();

    AutoCloseable subscribe(String topic, ClusterListener listener) {
        listeners.computeIfAbsent(ClusterEnvelope.checkTopic(topic), t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(topic, (t, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    void deliver(String topic, String origin, String body) {
        for (ClusterListener listener : listeners.getOrDefault(topic, List.of())) {
            try {
                listener.received(origin, body);
            } catch (RuntimeException e) {
                LOG.warn("A listener of cluster topic {} failed on a message of node {}", topic, origin, e);
            }
        }
    }

    void resync() {
        listeners.forEach((topic, list) -> list.forEach(listener -> {
            try {
                listener.resync();
            } catch (RuntimeException e) {
                LOG.warn("A listener of cluster topic {} failed to resynchronise", topic, e);
            }
        }));
    }
}
