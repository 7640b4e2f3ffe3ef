package dev.eliza.messaging.api;

import java.util.Optional;
import java.util.UUID;

/** One caller's wait for answers in a channel ({@link MessageAnswers#watch}); closing it stops listening. */
public interface AnswerWatch extends AutoCloseable {
    /**
     * The next event about {@code messageId}; events about other messages of the channel are skipped.
     *
     * @param deadlineNanos a {@link System#nanoTime()} after which to give up
     * @return the event, or empty when none came before the deadline
     */
    Optional<AnswerEvent> next(UUID messageId, long deadlineNanos) throws InterruptedException;

    @Override
    void close();
}
