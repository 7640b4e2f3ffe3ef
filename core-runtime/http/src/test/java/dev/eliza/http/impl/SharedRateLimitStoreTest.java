package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.eliza.http.api.RequestCounters;

class SharedRateLimitStoreTest {
    private static final long MINUTE = 60_000;

    private final AtomicReference<RequestCounters> bound = new AtomicReference<>();
    private final SharedRateLimitStore store = new SharedRateLimitStore(MINUTE,
            () -> Optional.ofNullable(bound.get()), new RateLimitMemoryStore(MINUTE, 100));

    @Test
    void withoutSharedCountersItCountsInMemoryInWindowsAlignedOnTheEpoch() {
        assertThat(store.hit("ip:a", 130_000)).isEqualTo(new RateLimitStore.Usage(1, 180_000));
        assertThat(store.hit("ip:a", 131_000)).isEqualTo(new RateLimitStore.Usage(2, 180_000));
    }

    @Test
    void withSharedCountersItCountsThroughThemInWindowsAlignedOnTheEpoch() {
        List<String> calls = new ArrayList<>();
        bound.set((client, start, length) -> {
            calls.add(client + "@" + start + "+" + length);
            return 42;
        });

        assertThat(store.hit("ip:a", 130_000)).isEqualTo(new RateLimitStore.Usage(42, 180_000));
        assertThat(calls).containsExactly("ip:a@120000+60000");
    }

    @Test
    void countersThatComeAfterTheFirstRequestsDoNotStartTheCountAgain() {
        for (int i = 0; i < 5; i++) {
            store.hit("ip:a", 130_000 + i);
        }
        AtomicLong shared = new AtomicLong();
        bound.set((client, start, length) -> shared.incrementAndGet());

        assertThat(store.hit("ip:a", 131_000)).isEqualTo(new RateLimitStore.Usage(6, 180_000));
        shared.set(40);
        assertThat(store.hit("ip:a", 132_000).hits()).as("the other nodes' requests count too").isEqualTo(41);
    }

    @Test
    void countersThatGoAwayLeaveItCountingInMemoryWhereItWas() {
        bound.set((client, start, length) -> 7);
        store.hit("ip:a", 130_000);
        store.hit("ip:a", 130_001);
        bound.set(null);

        assertThat(store.hit("ip:a", 131_000).hits()).isEqualTo(3);
        assertThat(store.hit("ip:a", 180_000).hits()).as("a new window").isEqualTo(1);
    }
}
