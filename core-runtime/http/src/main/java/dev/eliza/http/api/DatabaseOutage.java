package dev.eliza.http.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells a failure caused by the database being out of reach (the server restarting, crash recovery, the pool
 * finding no connection in time) from a fault of ours: the first is a 503 the client may retry, not a 500, and no
 * fault of a plugin that met it.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    /** The connection-level cause in {@code failure}'s chain, if that is what it is. */
    public static Optional<SQLException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08: connection exceptions; 57P01-57P03: shut down by an operator or a crash, or not accepting yet
        return sql instanceof SQLTransientConnectionException || state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
