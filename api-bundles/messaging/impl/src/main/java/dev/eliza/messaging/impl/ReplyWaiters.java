package dev.eliza.messaging.impl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.MessageAnswers;

/**
 * Posts waiting for an agent's answer to their message (HTTP and SSE posts here, sessions and jobs elsewhere). A
 * waiter is opened on the channel before the message is posted, so an agent that answers before the post returns
 * is not missed; events for other messages of the channel are ignored.
 */
final class ReplyWaiters implements MessageAnswers {
    private final Map<UUID, Set<Waiter>> byChannel = new ConcurrentHashMap<>();

    @Override
    public Waiter watch(UUID channelId) {
        Waiter waiter = new Waiter(channelId);
        byChannel.computeIfAbsent(channelId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        return waiter;
    }

    void publish(UUID channelId, AnswerEvent event) {
        Set<Waiter> waiters = byChannel.get(channelId);
        if (waiters != null) {
            waiters.forEach(w -> w.events.add(event));
        }
    }

    /** One post's wait; closing it stops listening. */
    final class Waiter implements AnswerWatch {
        private final UUID channelId;
        private final BlockingQueue<AnswerEvent> events = new LinkedBlockingQueue<>();

        private Waiter(UUID channelId) {
            this.channelId = channelId;
        }

        @Override
        public Optional<AnswerEvent> next(UUID messageId, long deadlineNanos) throws InterruptedException {
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                AnswerEvent event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    return Optional.empty();
                }
                if (event.messageId().equals(messageId)) {
                    return Optional.of(event);
                }
            }
        }

        @Override
        public void close() {
            byChannel.computeIfPresent(channelId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
