package dev.eliza.bootstrap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.eliza.platform.logging.LogBuffer;
import dev.eliza.platform.logging.LogEntry;

/**
 * The platform's {@link LogBuffer}: a fixed-capacity ring, the oldest record dropped when full, and the listeners
 * that stream records as they arrive.
 */
final class RingLogBuffer implements LogBuffer {
    /** Set while listeners run on this thread, so what they log does not come back to them (no feedback loop). */
    private static final ThreadLocal<Boolean> NOTIFYING = ThreadLocal.withInitial(() -> false);

    private final int capacity;
    private final ArrayDeque<LogEntry> entries;
    private final List<Consumer<LogEntry>> listeners = new CopyOnWriteArrayList<>();

    RingLogBuffer(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
    }

    void add(LogEntry entry) {
        synchronized (this) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        if (listeners.isEmpty() || NOTIFYING.get()) {
            return;
        }
        NOTIFYING.set(true);
        try {
            for (Consumer<LogEntry> listener : listeners) {
                notify(listener, entry);
            }
        } finally {
            NOTIFYING.set(false);
        }
    }

    @Override
    public Subscription subscribe(Consumer<LogEntry> listener) {
        // A wrapper per subscription, so the same listener subscribed twice is removed once per close.
        Consumer<LogEntry> registered = listener::accept;
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    private static void notify(Consumer<LogEntry> listener, LogEntry entry) {
        try {
            listener.accept(entry);
        } catch (RuntimeException ignored) {
            // Logging the failure would hand it to the listeners again; a listener's fault stays its own.
        }
    }

    @Override
    public synchronized List<LogEntry> recent(int limit, int minLevel) {
        List<LogEntry> newestFirst = new ArrayList<>();
        Iterator<LogEntry> it = entries.descendingIterator();
        while (it.hasNext() && newestFirst.size() < limit) {
            LogEntry entry = it.next();
            if (entry.level() >= minLevel) {
                newestFirst.add(entry);
            }
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }
}
