package dev.eliza.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory index against a brute-force reference: exact top-k, rooms, updates, deletes, concurrent use. */
class FlatIndexTest {
    private static final int DIMS = 384;
    private final Random random = new Random(42);
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final UUID agent = UUID.randomUUID();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private float[] vector() {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Cosine similarity computed the slow, obvious way. */
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static List<UUID> reference(Map<UUID, float[]> vectors, Map<UUID, UUID> rooms, float[] query,
                                        Optional<UUID> room, int k, double threshold) {
        return vectors.entrySet().stream()
                .filter(e -> room.map(r -> r.equals(rooms.get(e.getKey()))).orElse(true))
                .filter(e -> cosine(e.getValue(), query) >= threshold)
                .sorted(Comparator.comparingDouble((Map.Entry<UUID, float[]> e) -> -cosine(e.getValue(), query)))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    @Test
    void topKIsExactlyTheBruteForceTopKInOneThreadAndSplitAcrossThreads() {
        for (int size : new int[] {500, FlatSegment.PARALLEL_FROM + 3000}) {
            FlatIndex index = new FlatIndex(pool, 4);
            Map<UUID, float[]> vectors = new HashMap<>();
            Map<UUID, UUID> rooms = new HashMap<>();
            List<UUID> roomIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (int i = 0; i < size; i++) {
                UUID id = UUID.randomUUID();
                float[] v = vector();
                UUID room = roomIds.get(i % 3);
                vectors.put(id, v);
                rooms.put(id, room);
                index.put(agent, id, room, "m", v);
            }
            for (int q = 0; q < 5; q++) {
                float[] query = vector();
                List<VectorIndex.Hit> hits = index.search(agent, "m", query, Optional.empty(), 10, -1);
                assertThat(hits).extracting(VectorIndex.Hit::id)
                        .containsExactlyElementsOf(reference(vectors, rooms, query, Optional.empty(), 10, -1));
                assertThat(hits.get(0).similarity()).isCloseTo(cosine(vectors.get(hits.get(0).id()), query),
                        org.assertj.core.data.Offset.offset(1e-4));
                Optional<UUID> room = Optional.of(roomIds.get(1));
                assertThat(index.search(agent, "m", query, room, 7, 0.05)).extracting(VectorIndex.Hit::id)
                        .containsExactlyElementsOf(reference(vectors, rooms, query, room, 7, 0.05));
            }
        }
    }

    @Test
    void updatesAndDeletesAreSeenByTheNextSearch() {
        FlatIndex index = new FlatIndex(pool, 2);
        UUID room = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            index.put(agent, id, room, "m", vector());
        }
        float[] query = vector();
        UUID best = index.search(agent, "m", query, Optional.empty(), 1, -1).get(0).id();
        index.remove(agent, List.of(best));
        assertThat(index.search(agent, "m", query, Optional.empty(), 50, -1)).hasSize(49)
                .extracting(VectorIndex.Hit::id).doesNotContain(best);
        UUID moved = ids.get(ids.get(0).equals(best) ? 1 : 0);
        index.put(agent, moved, room, "m", query.clone());
        List<VectorIndex.Hit> hits = index.search(agent, "m", query, Optional.empty(), 1, -1);
        assertThat(hits.get(0).id()).isEqualTo(moved);
        assertThat(hits.get(0).similarity()).isGreaterThan(0.9999);
        index.put(agent, moved, room, "other", vector());
        assertThat(index.search(agent, "m", query, Optional.empty(), 50, -1)).extracting(VectorIndex.Hit::id)
                .doesNotContain(moved);
        assertThat(index.models(agent)).containsExactlyInAnyOrder("m", "other");
        assertThat(index.models(UUID.randomUUID())).isEmpty();
        assertThat(index.search(agent, "unknown", query, Optional.empty(), 5, -1)).isEmpty();
    }

    @Test
    void searchesDuringWritesSeeWholeVectorsOnly() throws Exception {
        FlatIndex index = new FlatIndex(pool, 2);
        UUID room = UUID.randomUUID();
        float[] query = vector();
        // Every vector written is the query itself: a torn read would show a similarity below 1.
        for (int i = 0; i < FlatSegment.PARALLEL_FROM + 100; i++) {
            index.put(agent, UUID.randomUUID(), room, "m", query);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newSingleThreadExecutor();
        Future<Integer> writes = writers.submit(() -> {
            int n = 0;
            List<UUID> mine = new ArrayList<>();
            while (!stop.get()) {
                UUID id = UUID.randomUUID();
                index.put(agent, id, room, "m", query);
                mine.add(id);
                if (mine.size() > 100) {
                    index.remove(agent, List.of(mine.remove(0)));
                }
                n++;
            }
            return n;
        });
        try {
            for (int i = 0; i < 200; i++) {
                List<VectorIndex.Hit> hits = index.search(agent, "m", query, Optional.empty(), 10, -1);
                assertThat(hits).hasSize(10).allSatisfy(h -> assertThat(h.similarity()).isGreaterThan(0.9999));
            }
        } finally {
            stop.set(true);
            assertThat(writes.get()).isPositive();
            writers.shutdownNow();
        }
    }

    @Test
    void storedBytesRoundTripAndNormalizingKeepsTheZeroVector() {
        float[] v = vector();
        assertThat(Vectors.decode(Vectors.encode(v))).containsExactly(v);
        assertThat(Vectors.encode(new float[] {1f})).containsExactly(0, 0, (byte) 0x80, 0x3f);
        assertThat(Vectors.normalized(new float[3])).containsExactly(0f, 0f, 0f);
        float[] unit = Vectors.normalized(v);
        assertThat(Vectors.dot(unit, unit, 0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }
}
