package dev.eliza.events.impl;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;

/**
 * One listener's events, delivered in order by at most one task at a time on a shared executor. The queue is
 * bounded: a listener that cannot keep up loses the newest events (counted in the log) instead of the platform's
 * memory.
 */
final class ListenerQueue implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);
    /** Deliveries per task before yielding the thread, so one busy listener cannot hold a pool thread forever. */
    private static final int BATCH = 64;

    private final PlatformEventListener listener;
    private final String name;
    private final Executor executor;
    private final int capacity;
    private final ArrayDeque<PlatformEvent> pending = new ArrayDeque<>();
    private boolean scheduled;
    private boolean closed;
    private long dropped;

    ListenerQueue(PlatformEventListener listener, String name, Executor executor, int capacity) {
        this.listener = listener;
        this.name = name;
        this.executor = executor;
        this.capacity = capacity;
    }

    synchronized void offer(PlatformEvent event) {
        if (closed) {
            return;
        }
        if (pending.size() >= capacity) {
            if (dropped++ % 1000 == 0) {
                LOG.warn("Event listener {} is {} events behind; {} event(s) dropped so far", name, capacity, dropped);
            }
            return;
        }
        pending.add(event);
        if (!scheduled) {
            scheduled = true;
            executor.execute(this);
        }
    }

    /** Stops delivery; events not yet delivered are discarded. */
    synchronized void close() {
        closed = true;
        pending.clear();
    }

    @Override
    public void run() {
        for (int i = 0; i < BATCH; i++) {
            PlatformEvent event;
            synchronized (this) {
                event = pending.poll();
                if (event == null) {
                    scheduled = false;
                    return;
                }
            }
            deliver(event);
        }
        executor.execute(this);
    }

    private void deliver(PlatformEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Event listener {} failed on {}: {}", name, event.getClass().getSimpleName(), e.toString());
        }
    }
}
