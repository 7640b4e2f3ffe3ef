package dev.eliza.events.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.AgentLifecycleEvent.Change;
import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;

class EventBusTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void eachListenerGetsEveryEventInOrderAndAFailingOneHarmsNobody() throws Exception {
        EventBus bus = new EventBus(executor, 1000);
        List<PlatformEvent> seen = new ArrayList<>();
        List<PlatformEvent> seenByFailing = new ArrayList<>();
        bus.add(event -> {
            synchronized (seen) {
                seen.add(event);
            }
        }, "recorder");
        bus.add(event -> {
            synchronized (seenByFailing) {
                seenByFailing.add(event);
            }
            throw new IllegalStateException("boom");
        }, "failing");
        List<PlatformEvent> published = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PlatformEvent event = started("agent-" + i);
            published.add(event);
            bus.publish(event);
        }
        awaitSize(seen, 50);
        awaitSize(seenByFailing, 50);
        assertThat(seen).containsExactlyElementsOf(published);
        assertThat(seenByFailing).containsExactlyElementsOf(published);
    }

    @Test
    void aListenerThatCannotKeepUpLosesTheNewestEventsOnly() throws Exception {
        EventBus bus = new EventBus(executor, 3);
        CountDownLatch release = new CountDownLatch(1);
        List<PlatformEvent> seen = new ArrayList<>();
        bus.add(event -> {
            awaitQuietly(release);
            synchronized (seen) {
                seen.add(event);
            }
        }, "slow");
        List<PlatformEvent> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            published.add(started("a" + i));
            bus.publish(published.get(i));
        }
        release.countDown();
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSizeBetween(3, 4).startsWith(published.get(0), published.get(1), published.get(2));
        assertThat(seen).extracting(published::indexOf).isSorted();
    }

    @Test
    void aRemovedListenerHearsNothingMore() throws Exception {
        EventBus bus = new EventBus(executor, 100);
        List<PlatformEvent> seen = new ArrayList<>();
        PlatformEventListener listener = event -> {
            synchronized (seen) {
                seen.add(event);
            }
        };
        bus.add(listener, "removable");
        bus.publish(started("before"));
        awaitSize(seen, 1);
        bus.remove(listener);
        bus.publish(started("after"));
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).extracting(e -> ((AgentLifecycleEvent) e).agentName()).containsExactly("before");
    }

    @Test
    void listenersBlockedForeverDoNotStallTheOthers() throws Exception {
        ExecutorService threads = EventBusComponent.deliveryThreads();
        CountDownLatch never = new CountDownLatch(1);
        try {
            EventBus bus = new EventBus(threads, 100);
            CountDownLatch blocked = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                bus.add(event -> {
                    blocked.countDown();
                    awaitQuietly(never);
                }, "stuck-" + i);
            }
            List<PlatformEvent> seen = new ArrayList<>();
            bus.add(event -> {
                synchronized (seen) {
                    seen.add(event);
                }
            }, "healthy");
            bus.publish(started("first"));
            assertThat(blocked.await(5, TimeUnit.SECONDS)).as("every stuck listener holds its delivery").isTrue();
            bus.publish(started("second"));
            awaitSize(seen, 2);
            assertThat(seen).extracting(e -> ((AgentLifecycleEvent) e).agentName()).containsExactly("first", "second");
        } finally {
            never.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PlatformEvent started(String name) {
        return new AgentLifecycleEvent(Change.STARTED, UUID.randomUUID(), name, Instant.EPOCH);
    }

    private static void awaitSize(List<PlatformEvent> events, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                if (events.size() >= size) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        synchronized (events) {
            assertThat(events).hasSizeGreaterThanOrEqualTo(size);
        }
    }
}
