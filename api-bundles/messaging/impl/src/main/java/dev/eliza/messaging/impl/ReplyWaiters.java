package dev.eliza.messaging.impl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.eliza.messaging.api.AgentReply;

/**
 * HTTP and SSE posts waiting for an agent's answer to their message. A waiter is opened on the channel before the
 * message is posted, so an agent that answers before the post returns is not missed; events for other messages of
 * the channel are ignored.
 */
final class ReplyWaiters {
    /** What a waiter hears: a streamed piece, or the end (a reply, or none with the reason). */
    sealed interface Event permits Chunk, Done {
        UUID messageId();
    }

    record Chunk(UUID messageId, UUID replyId, int index, String chunk) implements Event {
    }

    record Done(UUID messageId, Optional<AgentReply> reply) implements Event {
    }

    private final Map<UUID, Set<Waiter>> byChannel = new ConcurrentHashMap<>();

    Waiter open(UUID channelId) {
        Waiter waiter = new Waiter(channelId);
        byChannel.computeIfAbsent(channelId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        return waiter;
    }

    void publish(UUID channelId, Event event) {
        Set<Waiter> waiters = byChannel.get(channelId);
        if (waiters != null) {
            waiters.forEach(w -> w.events.add(event));
        }
    }

    /** One post's wait; closing it stops listening. */
    final class Waiter implements AutoCloseable {
        private final UUID channelId;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        private Waiter(UUID channelId) {
            this.channelId = channelId;
        }

        /** The next event about {@code messageId}, empty when none came within {@code timeoutMs}. */
        Optional<Event> next(UUID messageId, long deadlineNanos) throws InterruptedException {
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
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
