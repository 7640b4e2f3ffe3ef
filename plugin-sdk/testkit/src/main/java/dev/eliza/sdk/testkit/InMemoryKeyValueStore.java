package dev.eliza.sdk.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.sdk.KeyValueStore;

/** A {@link KeyValueStore} in a map, with the platform store's semantics; {@link #asMap()} shows its content. */
public final class InMemoryKeyValueStore implements KeyValueStore {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public boolean remove(String key) {
        return values.remove(key) != null;
    }

    @Override
    public synchronized long increment(String key, long delta) {
        long current;
        try {
            current = Long.parseLong(values.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The value under " + key + " is not a whole number", e);
        }
        long next = current + delta;
        values.put(key, Long.toString(next));
        return next;
    }

    /** A copy of everything stored. */
    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
