package dev.eliza.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.PersistenceException;

/**
 * Applies a domain's pending migrations in one transaction, holding a transaction-scoped advisory lock so that
 * nodes sharing the database never apply the same migration twice, and records each in {@code schema_history}.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final long LOCK_KEY = 0x454c495a414d4947L;

    private final DataSource dataSource;

    Migrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate(String domain, List<Migration> migrations) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                applyPending(connection, domain, migrations);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Migrating domain " + domain + " failed: " + e.getMessage(), e);
        }
    }

    private void applyPending(Connection connection, String domain, List<Migration> migrations)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            statement.execute("CREATE TABLE IF NOT EXISTS schema_history (domain text NOT NULL, version int NOT NULL,"
                    + " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),"
                    + " PRIMARY KEY (domain, version))");
        }
        Set<Integer> applied = appliedVersions(connection, domain);
        for (Migration migration : migrations) {
            if (applied.contains(migration.version())) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(migration.sql());
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_history (domain, version, description) VALUES (?, ?, ?)")) {
                record.setString(1, domain);
                record.setInt(2, migration.version());
                record.setString(3, migration.description());
                record.executeUpdate();
            }
            LOG.info("Applied migration {} V{} ({})", domain, migration.version(), migration.description());
        }
    }

    private static Set<Integer> appliedVersions(Connection connection, String domain) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version FROM schema_history WHERE domain = ?")) {
            query.setString(1, domain);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
        }
        return versions;
    }
}
