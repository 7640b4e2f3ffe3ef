package dev.eliza.agents.impl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentLog;

/**
 * Writes journal entries in batches on one thread, so a reply costs the runtime no journal transaction of its own
 * (three entries a run) and a busy server commits many entries at once. Nothing is dropped: when the queue is full
 * the caller writes its entry itself, and closing writes what is left. Readers call {@link #flush} first, so an
 * entry recorded on this node is visible to the next read here.
 */
final class JournalBatcher implements AutoCloseable {
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(JournalBatcher.class);

    private final Consumer<List<AgentLog>> write;
    private final int capacity;
    private final Object lock = new Object();
    private final ArrayDeque<AgentLog> pending = new ArrayDeque<>();
    private final Thread writer;
    private long added;
    private long written;
    private boolean closed;

    JournalBatcher(Consumer<List<AgentLog>> write, int capacity, ThreadFactory threads) {
        this.write = write;
        this.capacity = capacity;
        this.writer = threads.newThread(this::drain);
        writer.start();
    }

    /** Queues an entry; writes it at once on the caller's thread when the queue is full or closed. */
    void add(AgentLog entry) {
        synchronized (lock) {
            if (!closed && pending.size() < capacity) {
                pending.add(entry);
                added++;
                lock.notifyAll();
                return;
            }
        }
        writeQuietly(List.of(entry));
    }

    /** Waits, at most {@code bound}, until every entry added before this call is written. */
    void flush(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            long target = added;
            long left;
            while (written < target && (left = deadline - System.nanoTime()) > 0) {
                if (!waitOn(left)) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        writer.join(Duration.ofSeconds(10).toMillis());
    }

    private void drain() {
        while (true) {
            List<AgentLog> batch = new ArrayList<>();
            synchronized (lock) {
                while (pending.isEmpty() && !closed) {
                    if (!waitOn(Long.MAX_VALUE)) {
                        closed = true;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                while (!pending.isEmpty() && batch.size() < BATCH) {
                    batch.add(pending.poll());
                }
            }
            writeQuietly(batch);
            synchronized (lock) {
                written += batch.size();
                lock.notifyAll();
            }
        }
    }

    /** The journal is a record of what happened, never a reason for a reply or the writer to fail. */
    private void writeQuietly(List<AgentLog> batch) {
        try {
            write.accept(batch);
        } catch (RuntimeException e) {
            LOG.warn("Could not journal {} entr{}", batch.size(), batch.size() == 1 ? "y" : "ies", e);
        }
    }

    /** Waits on the lock (held); {@code false} when interrupted. */
    private boolean waitOn(long nanos) {
        try {
            lock.wait(Math.max(1, Math.min(nanos / 1_000_000, 60_000)));
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
