package dev.eliza.platform.logging;

import java.util.List;

/** A bounded, thread-safe buffer of the most recent log records, oldest first. */
public interface LogBuffer {

    /** At most {@code limit} of the newest records at or above {@code minLevel}, oldest first. */
    List<LogEntry> recent(int limit, int minLevel);

    /** How many records are held. */
    int size();

    /** Forgets every record held. */
    void clear();
}
