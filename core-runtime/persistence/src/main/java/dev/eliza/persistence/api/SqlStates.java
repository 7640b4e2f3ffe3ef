package dev.eliza.persistence.api;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The SQLSTATE a failed statement ended with, read through the wrappers (MyBatis, the pool) around the driver's
 * {@link SQLException}, so that a store can tell a client's mistake or a lost race from a broken database.
 */
public final class SqlStates {
    /** 23503: a row refers to one another transaction removed meanwhile (or never existed). */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** 23505: a row with that unique key exists already. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** The first SQLSTATE in {@code failure}'s causes, or {@code ""} when none carries one. */
    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** The constraint the statement broke, when PostgreSQL named one (a key, a foreign key, a check). */
    public static Optional<String> constraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                ServerErrorMessage detail = psql.getServerErrorMessage();
                return Optional.ofNullable(detail == null ? null : detail.getConstraint());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} ended with {@code state}. */
    public static boolean is(Throwable failure, String state) {
        return of(failure).equals(state);
    }
}
