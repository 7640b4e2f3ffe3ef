package dev.eliza.events.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;
import dev.eliza.events.api.PlatformEvents;

/** Fans each published event out to the queues of the listeners present at that moment. */
final class EventBus implements PlatformEvents {
    private final Map<PlatformEventListener, ListenerQueue> queues = new ConcurrentHashMap<>();
    private final Executor executor;
    private final int capacity;

    EventBus(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    void add(PlatformEventListener listener, String name) {
        queues.put(listener, new ListenerQueue(listener, name, executor, capacity));
    }

    void remove(PlatformEventListener listener) {
        ListenerQueue queue = queues.remove(listener);
        if (queue != null) {
            queue.close();
        }
    }

    @Override
    public void publish(PlatformEvent event) {
        queues.values().forEach(queue -> queue.offer(event));
    }
}
