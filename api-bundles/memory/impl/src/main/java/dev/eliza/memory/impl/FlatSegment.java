package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The unit vectors of one agent made by one model, packed in one {@code float[]} (row after row) for a scan that
 * streams memory, with their memories' and rooms' ids beside them. Searches share a read lock; a write waits for
 * them and a search never sees a half-written row. A removal moves the last row into the hole.
 */
final class FlatSegment {
    /** Below this many rows one thread scans faster than handing parts to others. */
    static final int PARALLEL_FROM = 16_384;

    private final int dims;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UUID, Integer> slots = new HashMap<>();
    private float[] data;
    private UUID[] ids;
    private long[] roomHigh;
    private long[] roomLow;
    private int size;

    FlatSegment(int dims) {
        this.dims = dims;
        int capacity = 64;
        data = new float[capacity * dims];
        ids = new UUID[capacity];
        roomHigh = new long[capacity];
        roomLow = new long[capacity];
    }

    int dims() {
        return dims;
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Files a unit vector of {@link #dims()} floats, replacing the memory's earlier one. */
    void put(UUID id, UUID roomId, float[] unit) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(id);
            int at = slot == null ? grow() : slot;
            System.arraycopy(unit, 0, data, at * dims, dims);
            ids[at] = id;
            roomHigh[at] = roomId.getMostSignificantBits();
            roomLow[at] = roomId.getLeastSignificantBits();
            slots.put(id, at);
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean remove(UUID id) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(id);
            if (slot == null) {
                return false;
            }
            int last = --size;
            if (slot != last) {
                System.arraycopy(data, last * dims, data, slot * dims, dims);
                ids[slot] = ids[last];
                roomHigh[slot] = roomHigh[last];
                roomLow[slot] = roomLow[last];
                slots.put(ids[slot], slot);
            }
            ids[last] = null;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The best {@code limit} rows at or above {@code threshold}, best first, scanned in {@code parts} pieces: the
     * caller scans the first and offers the others to {@code pool}, then scans itself any piece no pool thread has
     * started, so a busy pool (concurrent searches) never leaves a search waiting in its queue.
     */
    List<VectorIndex.Hit> search(float[] unitQuery, Optional<UUID> roomId, int limit, double threshold,
                                 Executor pool, int parts) {
        lock.readLock().lock();
        try {
            int n = size;
            int split = n < PARALLEL_FROM ? 1 : Math.max(1, parts);
            int chunk = (n + split - 1) / split;
            List<Piece> pieces = new ArrayList<>();
            for (int p = 1; p < split; p++) {
                int from = p * chunk;
                Piece piece = new Piece(() -> scan(unitQuery, roomId, limit, threshold, from,
                        Math.min(n, from + chunk)));
                pieces.add(piece);
                pool.execute(piece::runIfUnclaimed);
            }
            List<TopK> tops = new ArrayList<>();
            tops.add(scan(unitQuery, roomId, limit, threshold, 0, Math.min(n, chunk)));
            pieces.forEach(Piece::runIfUnclaimed);
            pieces.forEach(piece -> tops.add(piece.result.join()));
            return merge(tops, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A piece of a scan, run once by whichever thread claims it first. */
    private static final class Piece {
        final CompletableFuture<TopK> result = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final Supplier<TopK> work;

        Piece(Supplier<TopK> work) {
            this.work = work;
        }

        void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        }
    }

    private TopK scan(float[] query, Optional<UUID> roomId, int limit, double threshold, int from, int to) {
        TopK top = new TopK(limit, (a, b) -> ids[a].compareTo(ids[b]));
        float min = (float) threshold;
        boolean anyRoom = roomId.isEmpty();
        long high = roomId.map(UUID::getMostSignificantBits).orElse(0L);
        long low = roomId.map(UUID::getLeastSignificantBits).orElse(0L);
        for (int i = from; i < to; i++) {
            if (!anyRoom && (roomHigh[i] != high || roomLow[i] != low)) {
                continue;
            }
            float score = Vectors.dot(query, data, i * dims);
            if (score >= min && top.takes(score, i)) {
                top.offer(score, i);
            }
        }
        return top;
    }

    private List<VectorIndex.Hit> merge(List<TopK> tops, int limit) {
        List<VectorIndex.Hit> hits = new ArrayList<>();
        for (TopK top : tops) {
            for (int i = 0; i < top.size(); i++) {
                hits.add(new VectorIndex.Hit(ids[top.slot(i)], top.score(i)));
            }
        }
        hits.sort(Comparator.comparingDouble(VectorIndex.Hit::similarity).reversed()
                .thenComparing(VectorIndex.Hit::id));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private int grow() {
        if (size == ids.length) {
            int capacity = ids.length * 2;
            data = Arrays.copyOf(data, capacity * dims);
            ids = Arrays.copyOf(ids, capacity);
            roomHigh = Arrays.copyOf(roomHigh, capacity);
            roomLow = Arrays.copyOf(roomLow, capacity);
        }
        return size++;
    }
}
