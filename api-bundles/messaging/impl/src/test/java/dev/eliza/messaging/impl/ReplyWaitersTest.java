package dev.eliza.messaging.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.DeliveryState;

class ReplyWaitersTest {
    private final ReplyWaiters waiters = new ReplyWaiters();
    private final UUID channel = UUID.randomUUID();
    private final UUID message = UUID.randomUUID();

    @Test
    void aReplyPublishedBeforeTheWaitIsAskedForIsNotMissed() throws Exception {
        try (ReplyWaiters.Waiter waiter = waiters.watch(channel)) {
            AgentReply reply = new AgentReply(UUID.randomUUID(), "A", "hi", "", List.of("REPLY"));
            waiters.publish(channel, new AnswerEvent.Done(message, DeliveryState.REPLIED, Optional.of(reply), Optional.empty(), Optional.empty()));
            assertThat(waiter.next(message, deadline(1000))).get()
                    .isEqualTo(new AnswerEvent.Done(message, DeliveryState.REPLIED, Optional.of(reply), Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void eventsAboutOtherMessagesOrChannelsAreIgnoredAndTheWaitEndsAtItsDeadline() throws Exception {
        try (ReplyWaiters.Waiter waiter = waiters.watch(channel)) {
            waiters.publish(channel, new AnswerEvent.Chunk(UUID.randomUUID(), UUID.randomUUID(), 0, "other"));
            waiters.publish(UUID.randomUUID(), new AnswerEvent.Chunk(message, UUID.randomUUID(), 0, "elsewhere"));
            assertThat(waiter.next(message, deadline(50))).isEmpty();
        }
    }

    @Test
    void aClosedWaiterHearsNothingMore() throws Exception {
        ReplyWaiters.Waiter waiter = waiters.watch(channel);
        waiter.close();
        waiters.publish(channel, new AnswerEvent.Chunk(message, UUID.randomUUID(), 0, "late"));
        assertThat(waiter.next(message, deadline(20))).isEmpty();
    }

    private static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
