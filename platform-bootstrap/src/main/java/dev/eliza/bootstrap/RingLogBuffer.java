package dev.eliza.bootstrap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.eliza.platform.logging.LogBuffer;
import dev.eliza.platform.logging.LogEntry;

/** The platform's {@link LogBuffer}: a fixed-capacity ring, the oldest record dropped when full. */
final class RingLogBuffer implements LogBuffer {
    private final int capacity;
    private final ArrayDeque<LogEntry> entries;

    RingLogBuffer(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
    }

    synchronized void add(LogEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
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
