package dev.eliza.providers.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded least-recently-used cache of provider clients, one per distinct set of settings (base URL, key, model),
 * so a client and its connection pool are built once and not per call, and a server with many differently
 * configured agents does not keep clients without limit.
 *
 * @param <K> the settings that make a client distinct
 * @param <V> the client
 */
public final class ClientCache<K, V> {
    private final Map<K, V> clients;

    /** A cache of at most {@code capacity} clients. */
    public ClientCache(int capacity) {
        this.clients = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The client for {@code key}, built by {@code factory} the first time. */
    public synchronized V get(K key, Function<K, V> factory) {
        return clients.computeIfAbsent(key, factory);
    }

    /** How many clients are held. */
    public synchronized int size() {
        return clients.size();
    }
}
