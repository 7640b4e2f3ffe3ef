package dev.eliza.pluginhost;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database out of reach (the server restarting, crash recovery, the pool finding no connection in time)
 * from other failures: for a plugin it is the platform being unavailable for now, not the plugin's fault.
 */
final class DatabaseOutages {
    private DatabaseOutages() {
    }

    /** Whether {@code failure}'s chain holds a connection-level database failure. */
    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The SQL state in {@code failure}'s chain, if any. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08: connection exceptions; 57P01-57P03: shut down by an operator or a crash, or not accepting yet
        return sql instanceof SQLTransientConnectionException || state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
