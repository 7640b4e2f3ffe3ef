package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.models.api.ModelProviderException;

/** Ordering per channel and agent on real threads, and what a stop of the runtime leaves behind. */
class SwapAndOrderTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ScriptedProvider offline = new ScriptedProvider("offline");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static Delivery add(Harness h, UUID agent, UUID channel, String text) {
        ChannelMessage message = FakeReplies.message(channel, UUID.randomUUID(), text);
        return h.replies.add(agent, message, 0);
    }

    @Test
    void oneChannelWaitsForItsEarlierReplyWhileAnotherChannelGoesOn() throws Exception {
        Harness h = new Harness(threads, Harness.SETTINGS);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        offline.answer = request -> {
            if (request.prompt().equals("first")) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return "re " + request.prompt();
        };
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        UUID busy = UUID.randomUUID();
        Delivery first = add(h, agent, busy, "first");
        Delivery second = add(h, agent, busy, "second");
        Delivery elsewhere = add(h, agent, UUID.randomUUID(), "elsewhere");

        h.inbox.deliver(first);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        h.inbox.deliver(second);
        h.inbox.deliver(elsewhere);
        waitFor(() -> h.replies.state(elsewhere).state() == DeliveryState.REPLIED);

        assertThat(h.replies.state(second).state()).isEqualTo(DeliveryState.RECEIVED);
        releaseFirst.countDown();
        waitFor(() -> h.replies.state(second).state() == DeliveryState.REPLIED);
        assertThat(h.replies.replies).extracting(r -> r.text()).containsExactly("re elsewhere", "re first",
                "re second");
    }

    @Test
    void closingLetsTheReplyInFlightFinishAndGivesBackTheOnesWaitingForARetry() throws Exception {
        Harness h = new Harness(threads, Harness.SETTINGS);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        offline.answer = request -> {
            inFlight.countDown();
            await(finish);
            return "done";
        };
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        Delivery retrying = add(h, agent, UUID.randomUUID(), "retry me");
        offline.failures.add(new ModelProviderException("503", true));
        h.inbox.deliver(retrying);
        waitFor(() -> h.delayer.waiting() == 1);
        Delivery running = add(h, agent, UUID.randomUUID(), "running");
        h.inbox.deliver(running);
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(h.inbox::close);
        closer.start();
        Delivery late = add(h, agent, UUID.randomUUID(), "late");
        waitFor(() -> h.replies.state(retrying).state() == DeliveryState.RECEIVED);
        h.inbox.deliver(late);
        finish.countDown();
        closer.join(5000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(h.replies.state(running).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(h.replies.state(retrying).state()).isEqualTo(DeliveryState.RECEIVED);
        assertThat(h.replies.state(late).state()).isEqualTo(DeliveryState.RECEIVED);
        h.delayer.advance(Duration.ofMinutes(1));
        assertThat(h.replies.state(retrying).state()).as("the cancelled retry stays given back")
                .isEqualTo(DeliveryState.RECEIVED);
    }

    @Test
    void aRestartedRuntimeAnswersWhatWasLeftPageByPage() throws Exception {
        Harness h = new Harness(threads, Harness.SETTINGS);
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        int count = Inbox.PAGE * 2 + 7;
        for (int i = 0; i < count; i++) {
            add(h, agent, UUID.randomUUID(), "left " + i);
        }

        h.inbox.fetchPending();

        // The fake stores a reply before it marks its delivery replied, so the states are what to wait on.
        waitFor(() -> h.replies.deliveries.values().stream().allMatch(d -> d.state() == DeliveryState.REPLIED));
        assertThat(h.replies.pending(10)).isEmpty();
        assertThat(h.replies.replies).hasSize(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
