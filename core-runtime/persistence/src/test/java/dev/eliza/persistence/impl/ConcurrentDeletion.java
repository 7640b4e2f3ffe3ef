package dev.eliza.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A row deleted by another transaction while a write that refers to it is under way, on the
 * {@link SharedTestDatabase}: the deletion is held uncommitted, the write runs until its foreign-key check waits on
 * the deleted row, then the deletion commits. The write's own reads saw the row; its key check finds it gone.
 */
public final class ConcurrentDeletion {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ConcurrentDeletion() {
    }

    /**
     * Runs {@code write}, which inserts into {@code table}, while the row {@code id} of {@code parent} is being
     * deleted, and gives what the write threw ({@code null} when it did not throw).
     */
    public static Throwable during(String parent, UUID id, String table, Callable<?> write) throws Exception {
        try (Connection deleter = SharedTestDatabase.get().dataSource().getConnection();
             Connection probe = SharedTestDatabase.get().dataSource().getConnection()) {
            deleter.setAutoCommit(false);
            try (PreparedStatement delete = deleter.prepareStatement("DELETE FROM " + parent + " WHERE id = ?")) {
                delete.setObject(1, id);
                if (delete.executeUpdate() != 1) {
                    throw new AssertionError("no row " + id + " in " + parent + " to delete");
                }
            }
            CompletableFuture<Object> writing = CompletableFuture.supplyAsync(() -> {
                try {
                    return write.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            awaitLockWait(probe, table, writing);
            deleter.commit();
            try {
                writing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }

    /** {@code probe} is in autocommit: a transaction would see one snapshot of the activity all along. */
    private static void awaitLockWait(Connection probe, String table, CompletableFuture<?> writing)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?";
        try (PreparedStatement query = probe.prepareStatement(waiting)) {
            query.setString(1, "INSERT INTO " + table + "%");
            while (System.nanoTime() < deadline) {
                if (writing.isDone()) {
                    throw new AssertionError("the write ended instead of waiting on the deletion: " + writing);
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the write never waited on the deletion in " + WAIT);
    }
}
