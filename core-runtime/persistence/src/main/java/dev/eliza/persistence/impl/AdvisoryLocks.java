package dev.eliza.persistence.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.eliza.persistence.api.PersistenceException;

/**
 * Exclusive work under a transaction-scoped PostgreSQL advisory lock, held on a pool connection for the work's
 * duration: the lock goes with the transaction, so a node that dies mid-work releases it with its connection.
 */
final class AdvisoryLocks {
    private final DataSource dataSource;

    AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean runExclusive(String name, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection, key(name))) {
                    return false;
                }
                work.run();
                return true;
            } finally {
                // ends the transaction and with it the lock; the work's own writes went through its own connections
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Exclusive work " + name + " could not take its lock: " + e.getMessage(),
                    e);
        }
    }

    /** The first 64 bits of the name's SHA-256, in a namespace of their own so that names cannot meet other keys. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("eliza.cluster.exclusive:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
