package dev.eliza.platform.logging;

import java.util.List;
import java.util.function.Consumer;

/** A bounded, thread-safe buffer of the most recent log records, oldest first. */
public interface LogBuffer {

    /** At most {@code limit} of the newest records at or above {@code minLevel}, oldest first. */
    List<LogEntry> recent(int limit, int minLevel);

    /** How many records are held. */
    int size();

    /** Forgets every record held. */
    void clear();

    /**
     * Hands {@code listener} every record added from now on, on the thread that logged it, until the returned
     * subscription is closed. The listener must return quickly (hand the record to its own executor); what it logs
     * itself is not handed back to it, and what it throws is ignored.
     *
     * @throws UnsupportedOperationException when this buffer cannot notify (the default)
     */
    default Subscription subscribe(Consumer<LogEntry> listener) {
        throw new UnsupportedOperationException("This log buffer does not offer subscriptions");
    }

    /** A listener's registration with {@link #subscribe}; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {

        /** Stops handing records to the listener. */
        @Override
        void close();
    }
}
