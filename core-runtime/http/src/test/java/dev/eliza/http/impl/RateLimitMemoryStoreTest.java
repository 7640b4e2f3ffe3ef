package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitMemoryStoreTest {
    private static final long WINDOW = 60_000;

    @Test
    void countsPerClientWithinWindowsAlignedOnTheEpoch() {
        RateLimitMemoryStore store = new RateLimitMemoryStore(WINDOW, 100);
        assertThat(store.hit("a", 61_000)).isEqualTo(new RateLimitStore.Usage(1, 120_000));
        assertThat(store.hit("a", 90_000)).isEqualTo(new RateLimitStore.Usage(2, 120_000));
        assertThat(store.hit("b", 90_000)).isEqualTo(new RateLimitStore.Usage(1, 120_000));
        assertThat(store.hit("a", 119_999).hits()).isEqualTo(3);
    }

    @Test
    void theNextRequestAfterAWindowClosesStartsANewOne() {
        RateLimitMemoryStore store = new RateLimitMemoryStore(WINDOW, 100);
        store.hit("a", 0);
        store.hit("a", WINDOW - 1);
        assertThat(store.hit("a", WINDOW)).isEqualTo(new RateLimitStore.Usage(1, 2 * WINDOW));
    }

    @Test
    void closedWindowsAreDroppedOncePerWindowLength() {
        RateLimitMemoryStore store = new RateLimitMemoryStore(WINDOW, 100);
        for (int i = 0; i < 50; i++) {
            store.hit("client-" + i, 0);
        }
        assertThat(store.size()).isEqualTo(50);
        store.hit("late", WINDOW + 1);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void manyClientsInOneWindowStayUnderTheCapThoseFirstSeenLongestAgoDroppedFirst() {
        RateLimitMemoryStore store = new RateLimitMemoryStore(WINDOW, 1_000);
        for (int i = 0; i < 20_000; i++) {
            store.hit("client-" + i, i);
            assertThat(store.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(store.hit("client-19999", 20_000).hits()).as("the newest client kept its count").isEqualTo(2);
        assertThat(store.hit("client-0", 20_000).hits()).as("the client first seen longest ago was dropped").isEqualTo(1);
    }

    @Test
    void refusesANonsenseConfiguration() {
        assertThatThrownBy(() -> new RateLimitMemoryStore(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitMemoryStore(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
