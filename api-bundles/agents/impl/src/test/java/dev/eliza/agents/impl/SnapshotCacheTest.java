package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void servesTheLoadedValueUntilItsTimeToLiveRunsOut() {
        SnapshotCache<Integer> cache = new SnapshotCache<>(loads::incrementAndGet, Duration.ofSeconds(1), now::get);
        assertThat(cache.get()).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(cache.get()).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get()).isEqualTo(2);
    }

    @Test
    void aWriteMakesTheNextReadLoadAgain() {
        SnapshotCache<Integer> cache = new SnapshotCache<>(loads::incrementAndGet, Duration.ofHours(1), now::get);
        assertThat(cache.get()).isEqualTo(1);
        cache.invalidate();
        assertThat(cache.get()).isEqualTo(2);
        assertThat(cache.get()).isEqualTo(2);
    }

    @Test
    void aLoadThatRacedAWriteIsNotServedAgain() {
        SnapshotCache<Integer>[] cache = new SnapshotCache[1];
        cache[0] = new SnapshotCache<>(() -> {
            int load = loads.incrementAndGet();
            if (load == 1) {
                cache[0].invalidate(); // a write commits while the first query runs: its result may predate it
            }
            return load;
        }, Duration.ofHours(1), now::get);
        assertThat(cache[0].get()).isEqualTo(1);
        assertThat(cache[0].get()).isEqualTo(2);
        assertThat(cache[0].get()).isEqualTo(2);
    }
}
